/** HYBRID FLUX WAVE, the seed's brand palette, as tokens for every surface. */
export const brand = {
  colors: {
    deepSpaceBlack: '#000000',
    midnightGraphite: '#0C0F14',
    neonFluxBlue: '#3A8CFF',
    auroraPulseTeal: '#31F7D9',
    plasmaPurple: '#8F5BFF',
  },
  /** Derived UI tones, kept here so the renderer has no stray hex values. */
  ui: {
    surface: '#11151C',
    surfaceRaised: '#171C25',
    border: '#232A36',
    text: '#E6EAF2',
    textMuted: '#8A94A7',
    danger: '#FF5C7A',
    warning: '#FFB547',
    success: '#31F7D9',
  },
  /** Approval classes (docs/architecture.md). */
  classColors: { A: '#31F7D9', B: '#3A8CFF', C: '#8F5BFF' },
} as const;
