import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { LevqorServer } from './server-process';

/** The workflow studio's specs share these: the API as the CLI calls it, and the canvas as a person uses it. */

/** A procedure over HTTP with the server's bearer token; fails the test unless it answers 200. */
export async function callApi<T>(server: LevqorServer, procedure: string, input: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}api/${procedure}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

export const node = (page: Page, id: string): Locator => page.getByTestId(`node-${id}`);

/** Drags a step type from the palette onto the canvas at a point (relative to the canvas). */
export async function dropStep(page: Page, type: string, at: { x: number; y: number }): Promise<void> {
  await expect(page.getByTestId('node-__trigger__')).toBeVisible();
  await page.getByTestId(`palette-${type}`).dragTo(page.getByTestId('flow-canvas'), { targetPosition: at });
}

/** Uncaught errors in the page fail the test with their message (a blank screen says nothing). */
export function failOnPageErrors(page: Page): void {
  page.on('pageerror', (err) => {
    throw new Error(`page error: ${err.message}\n${err.stack ?? ''}`);
  });
}
