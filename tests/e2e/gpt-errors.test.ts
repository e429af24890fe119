// A missing or damaged model file: the lab says which file, offers a retry, and
// the rest of the panel keeps working. Runs a copy of the build with the file
// removed or overwritten.
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launch, watchErrors } from '@/tests/e2e/harness';

const MODEL_DIR = join('models', 'tutor-gpt-mini');

async function labWith(damage: (dir: string) => void) {
  const copy = mkdtempSync(join(tmpdir(), 'dl-tutor-damaged-'));
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  damage(copy);
  const h = await launch({ webgpu: false, extensionDir: copy });
  const page = await h.context.newPage();
  const errors = watchErrors(page);
  await page.goto(h.url(`sidepanel.html?text=${encodeURIComponent('The attention pattern of a head')}`));
  const alert = page.getByTestId('gpt-error').first();
  await alert.waitFor({ timeout: 60_000 });
  return {
    text: (await alert.textContent()) ?? '',
    page,
    errors,
    async close() {
      await h.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

describe('GPT lab with a damaged model folder', () => {
  it('names a missing file and offers a retry', async () => {
    const lab = await labWith((dir) => unlinkSync(join(dir, MODEL_DIR, 'onnx', 'wte_int8.bin')));
    try {
      expect(lab.text).toContain('models/tutor-gpt-mini/onnx/wte_int8.bin');
      expect(lab.text).toMatch(/missing/);
      await lab.page.getByTestId('gpt-error').first().getByRole('button').click();
      // Retrying gives the same readable answer, not a blank panel.
      await lab.page.getByTestId('gpt-error').first().waitFor();
      expect(await lab.page.getByTestId('tab-page').isVisible()).toBe(true);
      expect(lab.errors).toEqual([]);
    } finally {
      await lab.close();
    }
  });

  it('names a corrupt ONNX file', async () => {
    const lab = await labWith((dir) => writeFileSync(join(dir, MODEL_DIR, 'onnx', 'model_quantized.onnx'), 'not a model'));
    try {
      expect(lab.text).toContain('model_quantized.onnx');
      expect(lab.errors).toEqual([]);
    } finally {
      await lab.close();
    }
  });
});
