import { ogCard, ogSize } from '../lib/og-card';

export const size = ogSize;
export const contentType = 'image/png';
export const alt = 'Levqor';

export default function Image() {
  return ogCard('Levqor', 'Digital products and done-for-you services');
}
