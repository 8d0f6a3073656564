import { useState, type FormEvent } from 'react';

/**
 * A preview the user asks for with a form: its last answer, or why it failed. Asking again
 * clears both first, so an old answer is never shown beside a new question.
 */
export function usePreview<T>(ask: () => Promise<T>) {
  const [result, setResult] = useState<T>();
  const [error, setError] = useState<unknown>();
  const run = async (event: FormEvent) => {
    event.preventDefault();
    setResult(undefined);
    setError(undefined);
    try {
      setResult(await ask());
    } catch (failure) {
      setError(failure);
    }
  };
  return { result, error, run };
}
