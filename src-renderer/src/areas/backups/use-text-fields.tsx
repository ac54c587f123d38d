import { useId, useState, type ReactNode } from 'react';

export type Text = Record<string, string>;

interface FieldProps {
  type?: string;
  placeholder?: string;
  help?: string;
  /** The input field a server error names when it is about this one (default: the key). */
  blames?: string;
}

/**
 * The text typed into a plan form, and a labelled input per key (test id `<prefix>-<key>`)
 * marked invalid when the server's error names its field. Typing clears that error.
 */
export function useTextFields(initial: Text, prefix: string, blamed: string | undefined, onEdit: () => void) {
  const id = useId();
  const [text, setText] = useState<Text>(initial);
  const set = (key: string, value: string) => {
    setText((t) => ({ ...t, [key]: value }));
    onEdit();
  };
  const field = (key: string, label: string, props: FieldProps = {}): ReactNode => {
    const blames = props.blames ?? key;
    return (
      <div className="field" key={key}>
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <input
          id={`${id}-${key}`}
          className="input"
          type={props.type ?? 'text'}
          value={text[key] ?? ''}
          placeholder={props.placeholder}
          onChange={(e) => set(key, e.target.value)}
          aria-invalid={blamed !== undefined && (blamed === blames || blamed.startsWith(`${blames}.`))}
          data-testid={`${prefix}-${key}`}
        />
        {props.help ? <p className="muted bk-help">{props.help}</p> : null}
      </div>
    );
  };
  return { id, text, set, field };
}
