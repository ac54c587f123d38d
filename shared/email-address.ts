/**
 * One email address as founders type it: local@domain with a dot in the domain, no spaces and
 * no display name. Deliberately plain: it refuses typos (a missing @, a space, a trailing dot),
 * not every address RFC 5322 allows.
 */
const address = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && address.test(value) && !value.includes('..');
}

/** "Name <local@domain>" or a bare address: what a From line may carry. undefined when it is neither. */
export function parseSender(value: string): { name?: string; address: string } | undefined {
  const named = /^\s*([^<>"\r\n]*?)\s*<([^<>\s]+)>\s*$/.exec(value);
  if (named) return isEmailAddress(named[2]!) ? { ...(named[1] ? { name: named[1] } : {}), address: named[2]! } : undefined;
  const bare = value.trim();
  return isEmailAddress(bare) ? { address: bare } : undefined;
}
