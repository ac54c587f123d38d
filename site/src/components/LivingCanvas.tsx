'use client';

import { useEffect, useRef } from 'react';
import { brand } from '../../../shared/brand';

const waves = [
  { color: brand.colors.neonFluxBlue, amplitude: 0.18, length: 1.6, speed: 0.6 },
  { color: brand.colors.auroraPulseTeal, amplitude: 0.12, length: 2.3, speed: -0.4 },
  { color: brand.colors.plasmaPurple, amplitude: 0.22, length: 1.1, speed: 0.25 },
];

function draw(ctx: CanvasRenderingContext2D, width: number, height: number, t: number): void {
  ctx.clearRect(0, 0, width, height);
  ctx.lineWidth = 2;
  for (const w of waves) {
    ctx.strokeStyle = w.color;
    ctx.globalAlpha = 0.75;
    ctx.beginPath();
    for (let x = 0; x <= width; x += 6) {
      const phase = (x / width) * Math.PI * 2 * w.length + t * w.speed;
      const y = height / 2 + Math.sin(phase) * Math.cos(phase * 0.5 + t * 0.3) * height * w.amplitude;
      if (x === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/**
 * The hero's "living canvas": three brand-coloured waves drifting. With prefers-reduced-motion
 * it draws one still frame and never animates; it is decoration, hidden from screen readers.
 */
export function LivingCanvas() {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)');
    let frame = 0;
    const size = () => {
      const ratio = window.devicePixelRatio || 1;
      canvas.width = canvas.clientWidth * ratio;
      canvas.height = canvas.clientHeight * ratio;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    };
    const tick = (ms: number) => {
      draw(ctx, canvas.clientWidth, canvas.clientHeight, ms / 1000);
      if (!still.matches) frame = requestAnimationFrame(tick);
    };
    const restart = () => {
      cancelAnimationFrame(frame);
      size();
      tick(performance.now());
    };
    restart();
    still.addEventListener('change', restart);
    window.addEventListener('resize', restart);
    return () => {
      cancelAnimationFrame(frame);
      still.removeEventListener('change', restart);
      window.removeEventListener('resize', restart);
    };
  }, []);
  return <canvas ref={ref} aria-hidden="true" data-testid="living-canvas" className="absolute inset-0 h-full w-full opacity-60" />;
}
