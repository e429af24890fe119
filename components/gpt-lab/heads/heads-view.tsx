import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { HEAD_ROLES, type GptHeadRoles, type HeadRole } from '@/platform/protocol/gpt-inside';
import { Tex } from '@/components/shared/tex';
import { ExportButton, exportedTokens } from '@/components/gpt-lab/shared/export-button';
import { headName, ranked } from '@/components/gpt-lab/shared/head-roles';
import { ROLE_TEX, roleDefinition, roleName, roleShort } from '@/components/gpt-lab/shared/role-text';
import { Failure, TruncationNote, Working } from '@/components/gpt-lab/shared/status';
import { useAfterPaint } from '@/components/gpt-lab/shared/use-after-paint';
import { useRpc } from '@/components/gpt-lab/shared/use-rpc';

type Source = 'probe' | 'text';

/** Measured roles of every attention head, with what each score means and what this model lacks. */
export function HeadsView({ text }: { text: string }) {
  const res = useRpc('host.gpt.heads', text ? { text } : null, text);
  if (res.status === 'error') return <Failure error={res.error} retry={res.retry} />;
  if (res.status !== 'ready') return <Working what={t('gptHeadsWorking')} />;
  return <HeadTable roles={res.value} />;
}

function HeadTable({ roles }: { roles: GptHeadRoles }) {
  const [source, setSource] = useState<Source>('probe');
  // The table paints first; the typeset definitions a task later.
  const rest = useAfterPaint();
  const score = (r: HeadRole, l: number, h: number): number | null =>
    source === 'probe' ? roles.scores[r][l][h] : r === 'induction' || !roles.text ? null : roles.text.scores[r][l][h];
  const heads = Array.from({ length: roles.n_layer * roles.n_head }, (_, i) => ({ layer: Math.floor(i / roles.n_head), head: i % roles.n_head }));
  return (
    <section class="stack" data-testid="gpt-heads">
      {roles.text ? <TruncationNote tok={roles.text.tokenization} /> : null}
      <div class="row">
        {roles.text ? (
          <label class="field-inline">
            {t('gptHeadsSource')}{' '}
            <select value={source} data-testid="heads-source" onChange={(e) => setSource(e.currentTarget.value as Source)}>
              <option value="probe">{t('gptHeadsProbe')}</option>
              <option value="text">{t('gptHeadsYourText')}</option>
            </select>
          </label>
        ) : null}
        <ExportButton
          name="heads"
          data={() => ({
            n_layer: roles.n_layer,
            n_head: roles.n_head,
            shape: '[layer][head]',
            threshold: roles.threshold,
            probe: roles.probe,
            scores: roles.scores,
            text: roles.text ? { tokens: exportedTokens(roles.text.tokenization), scores: roles.text.scores } : null,
          })}
        />
      </div>
      <p class="small muted">{t('gptHeadsProbeHelp', { n: roles.probe.seeds.length, R: roles.probe.repeat, N: roles.probe.length, threshold: roles.threshold })}</p>
      <table class="compare head-table" data-testid="head-table">
        <thead>
          <tr>
            <th>{t('gptHead')}</th>
            {HEAD_ROLES.map((r) => (
              <th key={r} title={roleName(r)}>
                {roleShort(r)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heads.map(({ layer, head }) => (
            <tr key={`${layer}-${head}`} data-testid="head-row" data-layer={layer} data-head={head}>
              <th>{headName({ layer, head })}</th>
              {HEAD_ROLES.map((r) => {
                const s = score(r, layer, head);
                const hit = source === 'probe' && s !== null && s >= roles.threshold;
                return (
                  <td key={r} data-role={r} data-score={s === null ? '' : s.toFixed(6)}>
                    {s === null ? '—' : <span class={hit ? 'role-badge' : undefined} title={hit ? roleName(r) : undefined}>{s.toFixed(2)}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="role-summary" data-testid="head-summary">
        {HEAD_ROLES.map((r) => (
          <li key={r} data-role={r}>
            <RoleSentence roles={roles} role={r} />
          </li>
        ))}
      </ul>
      {rest ? (
        <>
          <h3>{t('gptHeadsDefinitions')}</h3>
          <dl class="role-defs" data-testid="role-defs">
            {HEAD_ROLES.map((r) => (
              <div key={r}>
                <dt>
                  <span class="role-badge">{roleShort(r)}</span> {roleName(r)}
                </dt>
                <dd>
                  <Tex display tex={ROLE_TEX[r]} />
                  <p class="small">{roleDefinition(r)}</p>
                </dd>
              </div>
            ))}
          </dl>
          <p class="small muted">{t('gptHeadsNotation')}</p>
        </>
      ) : null}
    </section>
  );
}

/** Which heads have a role, or plainly that none has and which comes closest. */
function RoleSentence({ roles, role }: { roles: GptHeadRoles; role: HeadRole }) {
  const all = ranked(roles, role);
  const hits = all.filter((s) => s.score >= roles.threshold);
  if (hits.length > 0) {
    return <>{t('gptHeadsFound', { role: roleName(role), n: hits.length, heads: hits.map((s) => `${headName(s)} (${s.score.toFixed(2)})`).join(', ') })}</>;
  }
  const best = all[0];
  return <>{t('gptHeadsNone', { role: roleName(role), threshold: roles.threshold, best: best ? headName(best) : '—', score: best ? best.score.toFixed(2) : '—' })}</>;
}
