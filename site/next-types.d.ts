// What next-env.d.ts (written by `next build`, not committed) brings in, so the typecheck passes before any build.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
