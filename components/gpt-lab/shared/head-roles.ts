import { HEAD_ROLES, type GptHeadRoles, type HeadRole } from '@/platform/protocol/gpt-inside';

export interface HeadScore {
  layer: number;
  head: number;
  score: number;
}

/** The roles whose probe score reaches the threshold for one head, in HEAD_ROLES order. */
export function badgesOf(roles: GptHeadRoles, layer: number, head: number): HeadRole[] {
  return HEAD_ROLES.filter((r) => (roles.scores[r][layer]?.[head] ?? 0) >= roles.threshold);
}

/** Every head's score for a role, highest first. */
export function ranked(roles: GptHeadRoles, role: HeadRole): HeadScore[] {
  const out: HeadScore[] = [];
  roles.scores[role].forEach((heads, layer) => heads.forEach((score, head) => out.push({ layer, head, score })));
  return out.sort((a, b) => b.score - a.score);
}

/** "L2H1": a head's name in the lab, as in the attention grid (layer, then head). */
export const headName = (s: { layer: number; head: number }) => `L${s.layer}H${s.head}`;
