import { defineHardeningItem } from './item';

/** An update is installed only once the founder approves it (approval subject app.update); looking for one keeps security fixes coming. */
export const updatesAsk = defineHardeningItem({ id: 'updates.ask', label: 'Updates ask before installing', where: 'any', fix: '#/settings' }, ({ settings }) => {
  if (!settings.get('updates.autoCheck')) return { status: 'warn', reason: 'The app never looks for updates (updates.autoCheck is off): security fixes would not reach you. Turn it on; installing still asks you first.' };
  return { status: 'pass', reason: 'The app looks for updates and installs one only after you approve it in the inbox.' };
});
