// Confirmations that really wait, and undo after a one-click deletion. window.confirm does not wait under Tauri
// (it answers at once, so `if (confirm(…))` was always true): a question is an in-page <dialog> whose answer is
// awaited, and a deletion done in one click offers 「元に戻す」 instead of asking.
import { useEffect, useRef, useState } from "preact/hooks";

interface Question {
  message: string;
  confirmLabel: string;
  resolve: (answer: boolean) => void;
}

interface Undo {
  message: string;
  undo: () => Promise<unknown>;
}

let showQuestion: ((question: Question) => void) | null = null;
let showUndo: ((undo: Undo | null) => void) | null = null;

/** Asks the user and waits for the answer: true only when she chose `confirmLabel`. */
export function ask(message: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    if (!showQuestion) return resolve(false);
    showQuestion({ message, confirmLabel, resolve });
  });
}

/** Says what was just deleted and offers to put it back. */
export function offerUndo(message: string, undo: () => Promise<unknown>) {
  showUndo?.({ message, undo });
}

/** Rendered once by the window: the question being asked and the latest undo offer. */
export function DialogHost() {
  const [question, setQuestion] = useState<Question | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  showQuestion = setQuestion;
  showUndo = setUndo;
  useEffect(() => {
    if (question && dialog.current && !dialog.current.open) {
      dialog.current.showModal();
      // The safe answer has the focus: a stray Enter never confirms.
      cancel.current?.focus();
    }
  }, [question]);
  const answer = (value: boolean) => {
    question?.resolve(value);
    dialog.current?.close();
    setQuestion(null);
  };
  return (
    <>
      <dialog
        ref={dialog}
        class="ask"
        aria-labelledby="ask-message"
        onCancel={(event) => {
          event.preventDefault();
          answer(false);
        }}
      >
        {question && (
          <>
            <p id="ask-message">{question.message}</p>
            <div class="actions">
              <button type="button" ref={cancel} onClick={() => answer(false)}>
                やめる
              </button>
              <button type="button" class="danger" onClick={() => answer(true)}>
                {question.confirmLabel}
              </button>
            </div>
          </>
        )}
      </dialog>
      {undo && (
        <div class="undo" role="status">
          <span>{undo.message}</span>
          <button
            type="button"
            onClick={async () => {
              setUndo(null);
              await undo.undo();
            }}
          >
            元に戻す
          </button>
          <button type="button" class="small" aria-label="閉じる" onClick={() => setUndo(null)}>
            ×
          </button>
        </div>
      )}
    </>
  );
}
