/** HYBRID FLUX WAVE, the seed's brand palette, as tokens for every surface (the dark theme). */
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
    /** The sidebar and top bar. */
    background: '#000000',
    /** Behind the page's cards. */
    page: '#0C0F14',
    surface: '#11151C',
    surfaceRaised: '#171C25',
    border: '#232A36',
    text: '#E6EAF2',
    textMuted: '#8A94A7',
    danger: '#FF5C7A',
    warning: '#FFB547',
    success: '#31F7D9',
    /** Drop shadows of menus and popovers. */
    shadow: '#000000',
  },
  /** Approval classes (docs/architecture.md). */
  classColors: { A: '#31F7D9', B: '#3A8CFF', C: '#8F5BFF' },
} as const;

type Palette = { [K in keyof typeof brand]: { [N in keyof (typeof brand)[K]]: string } };

/**
 * The light theme, used when the OS prefers light: the same token names, each tone chosen to
 * read on a light page (text and accents at least 4.5:1 against page, surface and raised surface).
 */
export const brandLight: Palette = {
  colors: {
    deepSpaceBlack: '#000000',
    midnightGraphite: '#0C0F14',
    neonFluxBlue: '#1F5FCC',
    auroraPulseTeal: '#06735F',
    plasmaPurple: '#6B3FD0',
  },
  ui: {
    background: '#FFFFFF',
    page: '#F5F7FB',
    surface: '#FFFFFF',
    surfaceRaised: '#EDF0F5',
    border: '#D5DBE5',
    text: '#161B26',
    textMuted: '#525C6E',
    danger: '#B3123A',
    warning: '#8A5300',
    success: '#06735F',
    shadow: '#5A6478',
  },
  classColors: { A: '#06735F', B: '#1F5FCC', C: '#6B3FD0' },
};
