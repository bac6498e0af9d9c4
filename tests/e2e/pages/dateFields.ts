import type { Locator, Page } from '@playwright/test';

/**
 * The console's date and time fields (renderer/ui/dates/DateTimeFields.tsx) are MUI X fields: a group
 * named by its label holding one spin button per part (year, month, day; hour, minute, AM/PM). A person
 * clicks the first part and types the digits; the field moves on by itself after each whole part.
 */
export function dateTimeField(scope: Page | Locator, label: string | RegExp): Locator {
  return scope.getByRole('group', { name: label });
}

/** Types `keys` into the field named `label` from its first part, replacing what it held (e.g. "20261201", "1030"). */
export async function typeIntoDateTimeField(page: Page, scope: Page | Locator, label: string | RegExp, keys: string): Promise<void> {
  const field = dateTimeField(scope, label);
  await field.getByRole('spinbutton').first().click();
  await page.keyboard.press('ControlOrMeta+a');
  // With every part selected, Backspace empties the field and typing starts again at its first part.
  await page.keyboard.press('Backspace');
  await page.keyboard.type(keys);
}

/** What the field's parts show, in order (e.g. ["2026", "12", "01"], or the placeholders of an empty field). */
export async function dateTimeFieldParts(scope: Page | Locator, label: string | RegExp): Promise<string[]> {
  return dateTimeField(scope, label).getByRole('spinbutton').allInnerTexts();
}
