"use client";
// A menu button (WAI-ARIA Authoring Practices "menu button" pattern): the button opens a list
// of actions; arrow keys, Home and End move between them, Escape closes and puts focus back
// on the button, Tab or a click elsewhere closes.
import { Link } from "@/components/i18n/link";
import { useEffect, useId, useRef, useState, type ComponentProps, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { classNames } from "./class-names";

type MenuProps = {
  /** What the button shows: text, an avatar, an icon. */
  trigger: ReactNode;
  /** The button's accessible name when its content alone does not say what it opens. */
  label?: string;
  /** MenuLink, MenuFormItem and MenuSeparator elements. */
  children: ReactNode;
  /** Which edge of the button the list lines up with. */
  align?: "start" | "end";
  buttonClassName?: string;
};

const itemSelector = '[role="menuitem"]:not([aria-disabled="true"])';

function itemsOf(list: HTMLElement | null): HTMLElement[] {
  return Array.from(list?.querySelectorAll<HTMLElement>(itemSelector) ?? []);
}

export function Menu({ trigger, label, children, align = "end", buttonClassName }: MenuProps) {
  const [open, setOpen] = useState(false);
  const [focusOnOpen, setFocusOnOpen] = useState<"first" | "last">("first");
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const buttonId = useId();
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const list = itemsOf(listRef.current);
    (focusOnOpen === "last" ? list[list.length - 1] : list[0])?.focus();
  }, [open, focusOnOpen]);

  useEffect(() => {
    if (!open) return;
    function closeOnOutsidePointer(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", closeOnOutsidePointer);
    return () => document.removeEventListener("pointerdown", closeOnOutsidePointer);
  }, [open]);

  function openAt(position: "first" | "last") {
    setFocusOnOpen(position);
    setOpen(true);
  }

  function closeAndFocusButton() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      openAt("first");
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      openAt("last");
    }
  }

  function onListKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = itemsOf(listRef.current);
    if (list.length === 0) return;
    const current = list.indexOf(document.activeElement as HTMLElement);
    const focusAt = (index: number) => {
      event.preventDefault();
      list[(index + list.length) % list.length]?.focus();
    };
    switch (event.key) {
      case "ArrowDown":
        return focusAt(current + 1);
      case "ArrowUp":
        return focusAt(current - 1);
      case "Home":
        return focusAt(0);
      case "End":
        return focusAt(list.length - 1);
      case "Escape":
        event.preventDefault();
        return closeAndFocusButton();
      case "Tab":
        // Let focus move on to the next element of the page; the menu just closes.
        return setOpen(false);
      default: {
        // Type-ahead: a letter moves to the next item starting with it.
        if (event.key.length !== 1 || event.altKey || event.ctrlKey || event.metaKey || !/\S/.test(event.key)) return;
        const key = event.key.toLocaleLowerCase();
        for (let step = 1; step <= list.length; step++) {
          const index = (current + step) % list.length;
          if (list[index]?.textContent?.trim().toLocaleLowerCase().startsWith(key)) return focusAt(index);
        }
      }
    }
  }

  function onListClick(event: MouseEvent<HTMLDivElement>) {
    // Choosing an item (a link, a submit button) closes the menu; its own action still runs.
    if ((event.target as HTMLElement).closest(itemSelector)) setOpen(false);
  }

  return (
    <div ref={rootRef} className="relative inline-block text-left">
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={label}
        onClick={() => (open ? setOpen(false) : openAt("first"))}
        onKeyDown={onButtonKeyDown}
        className={classNames(
          "inline-flex min-h-11 items-center gap-2 rounded-lg px-2 text-zinc-900 hover:bg-zinc-100",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
          buttonClassName,
        )}
      >
        {trigger}
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={classNames("size-4 fill-current transition-transform", open && "rotate-180")}
        >
          <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" />
        </svg>
      </button>
      <div
        ref={listRef}
        id={listId}
        role="menu"
        aria-labelledby={buttonId}
        hidden={!open}
        onKeyDown={onListKeyDown}
        onClick={onListClick}
        className={classNames(
          "absolute z-50 mt-2 w-64 max-w-[calc(100vw-2rem)] overflow-hidden rounded-xl border border-zinc-200 bg-white py-1 shadow-lg",
          align === "end" ? "right-0" : "left-0",
        )}
      >
        {children}
      </div>
    </div>
  );
}

const itemClasses = classNames(
  "flex w-full min-h-11 items-center px-4 py-2 text-left text-base text-zinc-900 no-underline",
  "hover:bg-zinc-100 focus:bg-indigo-50 focus:text-indigo-900 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600",
);

/** A menu item that goes to a page. */
export function MenuLink({ className, ...props }: Omit<ComponentProps<typeof Link>, "role" | "tabIndex">) {
  return <Link {...props} role="menuitem" tabIndex={-1} className={classNames(itemClasses, className)} />;
}

/** A menu item that submits a form, for actions that change something (signing out). */
export function MenuFormItem({
  action,
  method,
  children,
  className,
}: {
  action: string | ((formData: FormData) => void | Promise<void>);
  method?: "post" | "get";
  children: ReactNode;
  className?: string;
}) {
  return (
    <form action={action} method={typeof action === "string" ? (method ?? "post") : undefined}>
      <button type="submit" role="menuitem" tabIndex={-1} className={classNames(itemClasses, className)}>
        {children}
      </button>
    </form>
  );
}

export function MenuSeparator() {
  return <div role="separator" className="my-1 border-t border-zinc-200" />;
}
