import { Section, Text } from "react-email";
import { emailStyles } from "./email-layout";

/** The organizer's text as paragraphs: blank lines separate them, single line breaks stay. */
export function messageParagraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.split("\n"))
    .filter((lines) => lines.some((line) => line.trim() !== ""));
}

/** An organizer's own words in an email, set off by a bar in the brand's colour, under an optional label. */
export function QuotedMessage({ body, label }: { body: string; label?: string }) {
  return (
    <Section style={{ borderLeft: `4px solid ${emailStyles.colors.brand}`, padding: "4px 0 4px 16px", margin: "8px 0 16px" }}>
      {label ? <Text style={emailStyles.muted}>{label}</Text> : null}
      {messageParagraphs(body).map((lines, index) => (
        <Text key={index} style={emailStyles.text}>
          {lines.map((line, lineIndex) => (
            <span key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </Text>
      ))}
    </Section>
  );
}
