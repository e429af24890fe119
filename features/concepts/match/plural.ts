// Regular English plurals of a surface form. Only the last word is inflected
// ("learning rate" -> "learning rates"). Irregular plurals (matrix ->
// matrices) belong in the knowledge base as aliases.

const CONSONANT_Y = /[^aeiou]y$/;
const SIBILANT = /(?:s|x|z|ch|sh)$/;
const ENDS_IN_LETTER = /[a-z]$/;

/**
 * Plural forms of an already lower-cased English form, or none when the form
 * does not end in a letter ("gpt-3") or is too short to inflect safely.
 */
export function regularPlurals(lower: string): string[] {
  if (lower.length < 3 || !ENDS_IN_LETTER.test(lower)) return [];
  if (CONSONANT_Y.test(lower)) return [lower.slice(0, -1) + 'ies']; // probability -> probabilities
  // "ch" is a sibilant in "batch" -> "batches" but a k in "epoch" -> "epochs":
  // both spellings are kept, a wrong one just never occurs.
  if (lower.endsWith('ch')) return [lower + 'es', lower + 's'];
  if (SIBILANT.test(lower)) return [lower + 'es']; // bias -> biases, softmax -> softmaxes
  return [lower + 's']; // neuron -> neurons
}

/** Plural of an all-caps abbreviation: CNN -> CNNs. */
export function abbreviationPlural(form: string): string[] {
  return /[A-Z]$/.test(form) ? [form + 's'] : [];
}
