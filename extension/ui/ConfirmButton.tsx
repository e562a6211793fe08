import { useEffect, useId, useRef, useState } from 'preact/hooks';

interface ConfirmButtonProps {
  /** The button's text, such as "Discard". */
  label: string;
  /** What the volunteer is asked before it happens, saying what is lost. */
  question: string;
  /** The button that does it. */
  confirmLabel: string;
  /** The button that keeps things as they are. */
  cancelLabel: string;
  onConfirm: () => void;
}

/**
 * A button for something that cannot be undone, which first asks in place: a question in the page,
 * not `window.confirm`, so it is styled and read out like the rest of the page. Focus goes to the
 * safe answer, then back to the button (if what it acted on is still there: a page moves focus on
 * when it is not).
 */
export function ConfirmButton({ label, question, confirmLabel, cancelLabel, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);

  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (answered.current) trigger.current?.focus();
  }, [asking]);

  function answer() {
    answered.current = true;
    setAsking(false);
  }

  if (!asking) {
    return (
      <button ref={trigger} type="button" class="secondary" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" class="confirm" aria-labelledby={questionId}>
      <p id={questionId}>{question}</p>
      <button
        type="button"
        class="danger"
        onClick={() => {
          answer();
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button ref={cancel} type="button" class="secondary" onClick={answer}>
        {cancelLabel}
      </button>
    </div>
  );
}
