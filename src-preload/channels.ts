/** Must match src-main/electron/channels.ts (the preload may import only shared/; a test compares them). */
export const callChannel = 'levqor:call';
export const eventChannel = 'levqor:event';
