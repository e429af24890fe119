/** Saves text as a file named dl-tutor-<name>-<date>.<ext>. */
export function saveFile(text: string, name: string, ext: 'json' | 'txt', type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `dl-tutor-${name}-${new Date().toISOString().slice(0, 10)}.${ext}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
