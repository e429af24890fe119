/** Saves a blob as dl-tutor-<name>-<timestamp>.<ext>, the name every lab export uses. */
export function download(blob: Blob, name: string, ext: 'json' | 'png'): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `dl-tutor-${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.${ext}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
