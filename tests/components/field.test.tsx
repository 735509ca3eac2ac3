import { Field } from "@/components/ui/field";
import { find, findAll, render } from "./render";

describe("Field", () => {
  it("labels the input", () => {
    const html = render(<Field id="email" name="email" type="email" label="E-postadress" />);
    expect(find(html, "label", { for: "email" }).text).toBe("E-postadress");
    const input = find(html, "input", { id: "email" });
    expect(input.attributes).toMatchObject({ name: "email", type: "email" });
    expect(input.attributes["aria-invalid"]).toBeUndefined();
    expect(input.attributes["aria-describedby"]).toBeUndefined();
  });

  it("ties the hint to the input with aria-describedby", () => {
    const html = render(<Field id="email" name="email" label="E-postadress" hint="Vi skickar kvittot hit." />);
    expect(find(html, "p", { id: "email-hint" }).text).toBe("Vi skickar kvittot hit.");
    expect(find(html, "input").attributes["aria-describedby"]).toBe("email-hint");
  });

  it("shows the error next to the field and marks the input invalid", () => {
    const html = render(
      <Field id="email" name="email" label="E-postadress" hint="Vi skickar kvittot hit." error="Ange en giltig e-postadress." />,
    );
    expect(find(html, "input").attributes).toMatchObject({
      "aria-invalid": "true",
      "aria-describedby": "email-hint email-error",
    });
    expect(find(html, "p", { id: "email-error" }).text).toBe("Fel: Ange en giltig e-postadress.");
    // The error follows the input directly, not in a summary elsewhere on the page.
    expect(html.indexOf('id="email-error"')).toBeGreaterThan(html.indexOf("<input"));
  });

  it("keeps a describedby the caller gave", () => {
    const html = render(<Field id="x" name="x" label="X" aria-describedby="terms" error="Fel" />);
    expect(find(html, "input").attributes["aria-describedby"]).toBe("terms x-error");
  });

  it("marks required fields in words, not only with a colour or a star", () => {
    expect(find(render(<Field id="name" name="name" label="Namn" required />), "label").text).toBe("Namn(obligatoriskt)");
    expect(find(render(<Field id="name" name="name" label="Name" required />, "en"), "label").text).toBe("Name(required)");
    expect(find(render(<Field id="name" name="name" label="Namn" required />), "input").attributes.required).toBe("");
  });

  it("wires another control through the render function", () => {
    const html = render(
      <Field id="bio" name="bio" label="Om mig" error={["För lång."]}>
        {(control) => <textarea {...control} />}
      </Field>,
    );
    expect(findAll(html, "input")).toHaveLength(0);
    expect(find(html, "textarea").attributes).toMatchObject({
      id: "bio",
      name: "bio",
      "aria-describedby": "bio-error",
      "aria-invalid": "true",
    });
  });

  it("gives each field its own id when none is given", () => {
    const html = render(
      <>
        <Field name="a" label="A" />
        <Field name="b" label="B" />
      </>,
    );
    const ids = findAll(html, "input").map((input) => input.attributes.id);
    expect(new Set(ids).size).toBe(2);
    expect(findAll(html, "label").map((label) => label.attributes.for)).toEqual(ids);
  });
});
