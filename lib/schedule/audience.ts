/**
 * Who a session is for, as the places a parent or a referrer reads see it:
 * flyers and the public feeds list the sessions for parents only, never a
 * co-development meeting (a client panel, by invitation) or a professionals'
 * session.
 */
export function forParents(s: { kind: string; forProfessionals: boolean }): boolean {
  return s.kind !== "codevelopment" && !s.forProfessionals;
}
