import { useState } from 'react';
import { pairsOf, textOfPairs } from '../pipeline/steps';

/**
 * A small map typed as `name=value` lines. The text is kept as typed (a half-typed line must not
 * vanish); the map it reads is handed up at each change.
 */
export function PairsInput({
  id,
  label,
  hint,
  pairs,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  pairs: Record<string, string> | undefined;
  onChange: (pairs: Record<string, string>) => void;
}) {
  const [text, setText] = useState(() => textOfPairs(pairs));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(pairsOf(event.target.value));
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}
