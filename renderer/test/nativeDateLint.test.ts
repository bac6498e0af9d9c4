// @vitest-environment node
// The native date-input lint rule (eslint.config.js) must bite: a screen that uses the browser's own
// date or time input fails lint (its format follows the operating system, not the console's language);
// the console's fields (renderer/ui/dates/DateTimeFields.tsx) and other input types pass.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function dateInputErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the native date-input lint rule', () => {
  it.each([
    '<input type="date" aria-label="d" />',
    '<input type="time" aria-label="t" />',
    '<input type="datetime-local" aria-label="dt" />',
    "<input type={'date'} aria-label=\"d\" />",
    '<TextField type="date" label="d" />',
  ])('fails `%s` in a feature file', async (jsx) => {
    const code = `declare const TextField: any;\nexport const Probe = () => (${jsx});\n`;
    const errors = await dateInputErrors(code, 'renderer/features/visitors/Probe.tsx');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/AppDateField/);
  });

  it('allows other input types and the console date fields', async () => {
    const code = 'declare const AppDateField: any;\nexport const Probe = () => (<><input type="text" aria-label="n" /><AppDateField label="d" value="" onChange={() => undefined} /></>);\n';
    expect(await dateInputErrors(code, 'renderer/features/visitors/Probe.tsx')).toEqual([]);
  });
});
