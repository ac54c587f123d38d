import { defineHardeningItem } from './item';

export const secretsEncrypted = defineHardeningItem({ id: 'secrets.encrypted', label: 'Secrets encrypted at rest', where: 'any', fix: '#/settings' }, ({ secrets }) => {
  const { encrypted, how } = secrets.atRest();
  return encrypted ? { status: 'pass', reason: how } : { status: 'fail', reason: how };
});
