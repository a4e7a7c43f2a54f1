import type { ComponentFixture } from '@angular/core/testing';

/**
 * Waits for a virtual scroll's rows after a scroll: they come two animation frames later (the
 * browser fires the scroll event at the next frame, and the viewport audits scroll events per
 * frame before it renders).
 */
export async function renderedAfterScroll(fixture: ComponentFixture<unknown>): Promise<void> {
  await fixture.whenStable();
  for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
  await fixture.whenStable();
}
