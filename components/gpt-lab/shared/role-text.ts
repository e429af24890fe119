import { t, type MessageKey } from '@/platform/i18n';
import type { HeadRole } from '@/platform/protocol/gpt-inside';

// Each head role's words: its name, the one-letter badge on the attention grid, its definition.

const NAME: Record<HeadRole, MessageKey> = { previous: 'gptRolePrevious', first: 'gptRoleFirst', self: 'gptRoleSelf', induction: 'gptRoleInduction' };
const SHORT: Record<HeadRole, MessageKey> = { previous: 'gptRoleShortPrevious', first: 'gptRoleShortFirst', self: 'gptRoleShortSelf', induction: 'gptRoleShortInduction' };
const DEFINITION: Record<HeadRole, MessageKey> = { previous: 'gptRoleDefPrevious', first: 'gptRoleDefFirst', self: 'gptRoleDefSelf', induction: 'gptRoleDefInduction' };

export const roleName = (r: HeadRole) => t(NAME[r]);
export const roleShort = (r: HeadRole) => t(SHORT[r]);
export const roleDefinition = (r: HeadRole) => t(DEFINITION[r]);

/** Each score as a formula over one head's attention A on the probe: N positions, R random tokens repeated. */
export const ROLE_TEX: Record<HeadRole, string> = {
  previous: String.raw`s_{\text{prev}} = \frac{1}{N-1}\sum_{q=1}^{N-1} A_{q,\,q-1}`,
  first: String.raw`s_{\text{first}} = \frac{1}{N-1}\sum_{q=1}^{N-1} A_{q,\,0}`,
  self: String.raw`s_{\text{self}} = \frac{1}{N-1}\sum_{q=1}^{N-1} A_{q,\,q}`,
  induction: String.raw`s_{\text{ind}} = \frac{1}{R}\sum_{q=R+1}^{2R} A_{q,\,q-R+1}`,
};
