/**
 * Whether a URL may be handed to the OS browser (shell.openExternal). Only plain https links
 * to public host names pass: no other schemes (file:, javascript:, custom protocol handlers
 * can run programs), no credentials (phishing `https://bank.com@evil.example`), and nothing
 * that points back at this machine or the local network by address.
 */
export function isSafeExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > maxUrlLength) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  return isPublicHostName(url.hostname);
}

// Windows' ShellExecute and some browsers truncate or refuse longer command lines.
const maxUrlLength = 2048;

const labelPattern = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function isPublicHostName(host: string): boolean {
  // the URL parser has already lower-cased the name, punycoded IDNs and turned every IPv4
  // spelling (0x7f.1, 2130706433) into dotted decimal, so the checks below see one form
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name.length === 0 || name.length > 253) return false;
  if (name.startsWith('[')) return false; // IPv6 literal
  if (/^\d+(\.\d+){3}$/.test(name)) return false; // IPv4 literal
  if (name === 'localhost' || name.endsWith('.localhost')) return false;
  const labels = name.split('.');
  if (labels.length < 2) return false; // intranet short names, not a public site
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return false; // no all-numeric TLD exists
  return labels.every((label) => labelPattern.test(label));
}
