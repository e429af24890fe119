import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

type InputProps = Omit<JSX.IntrinsicElements['input'], 'value' | 'onInput' | 'onChange' | 'onBlur'>;

export interface DraftInputProps extends InputProps {
  /** The committed value the field shows when nobody is typing in it. */
  value: string | number;
  /** What was typed, once the learner is done (Enter or leaving the field); the owner validates it. */
  onCommit(text: string): void;
}

/**
 * A field whose value the owner keeps, committed on `change` like a plain input, but holding what
 * the learner is typing until then. A controlled input re-rendered between a keystroke and its
 * `change` (a progress update, storage arriving) would otherwise be reset to the committed value,
 * and the typed text lost. A rejected commit shows the committed value again.
 */
export function DraftInput({ value, onCommit, ...rest }: DraftInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      {...rest}
      value={draft ?? String(value)}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onChange={(e) => {
        onCommit(e.currentTarget.value);
        setDraft(null);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
