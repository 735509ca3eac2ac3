/** The ticket mark; decorative, the site name beside it is the text. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className={className}>
      <path
        fill="currentColor"
        d="M5 7a3 3 0 0 1 3-3h16a3 3 0 0 1 3 3v4.2a4.8 4.8 0 0 0 0 9.6V25a3 3 0 0 1-3 3H8a3 3 0 0 1-3-3v-4.2a4.8 4.8 0 0 0 0-9.6V7Z"
      />
      <path fill="#fff" d="M12 9.5h1.6v2H12zM12 15h1.6v2H12zM12 20.5h1.6v2H12z" />
      <path fill="#fff" d="M17 11h5.5v1.8H17zM17 15.1h5.5v1.8H17zM17 19.2h3.5V21H17z" />
    </svg>
  );
}
