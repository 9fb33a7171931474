import { describe, expect, it } from "vitest";
import { bookingFormSchema } from "@/lib/booking/schemas";
import { concernActionSchema, feedbackFormSchema, publishFormSchema } from "@/lib/feedback/schemas";
import { onceFormSchema, placeFormSchema } from "@/lib/schedule/schemas";
import { inviteFormSchema } from "@/lib/staff/schemas";

// Every form that takes free text cleans it the same way (lib/text/free-text.ts).
const dirty = "Ma\u0000ij\u202Ea\u2066 \u0007A\u0308iti";
const clean = "Maija \u00C4iti";

describe("every free-text field is cleaned on the server", () => {
  it("booking: nickname, interpreter language, accessibility needs", () => {
    const r = bookingFormSchema.parse({
      sessionId: "1",
      partySize: "1",
            nickname: dirty,
      interpreterLanguage: dirty,
      accessibilityNeeds: `${dirty}\r\nrow two`,
    });
    expect(r).toMatchObject({ nickname: clean, interpreterLanguage: clean, accessibilityNeeds: `${clean}\nrow two` });
  });

  it("feedback: comment, concern text, contact", () => {
    const r = feedbackFormSchema.parse({ comment: dirty, concern: "on", concernText: dirty, contact: `${dirty}\n040` });
    expect(r).toMatchObject({ comment: clean, concernText: clean, contact: `${clean} 040` });
  });

  it("a planner's note on a concern and 'you said, we did'", () => {
    expect(concernActionSchema.parse({ concernId: "1", status: "resolved", note: dirty }).note).toBe(clean);
    const text = { said_fi: dirty, said_sv: dirty, said_en: dirty, did_fi: dirty, did_sv: dirty, did_en: dirty };
    expect(Object.values(publishFormSchema.parse(text))).toEqual(Array(6).fill(clean));
  });

  it("a text of invisible characters only counts as empty", () => {
    expect(concernActionSchema.safeParse({ concernId: "1", status: "new", note: "\u202E\u0000" }).error?.issues[0]?.message).toBe("noteRequired");
    expect(bookingFormSchema.parse({ sessionId: "1", partySize: "1", nickname: "\u202E" }).nickname).toBeNull();
  });

  it("places, sessions and staff names", () => {
    const place = placeFormSchema.parse({ name: dirty, streetAddress: dirty, postalCode: "02100", city: "Espoo", countyId: "1", directionsFi: dirty });
    expect(place).toMatchObject({ name: clean, streetAddress: clean, countyId: 1, directions: { fi: clean } });
    const session = onceFormSchema.parse({
      placeId: "1",
      kind: "drop_in",
      date: "2026-03-02",
      startTime: "10:00",
      endTime: "12:00",
      languages: "fi",
      titleFi: dirty,
      titleSv: "x",
      titleEn: "x",
      descriptionFi: dirty,
    });
    expect(session).toMatchObject({ title: { fi: clean }, description: { fi: clean } });
    expect(inviteFormSchema.parse({ email: "a@b.fi", name: dirty, role: "facilitator", language: "fi" }).name).toBe(clean);
  });
});

describe("a place's contact details", () => {
  const base = { name: "Kohtaamo Espoo", streetAddress: "Kauppakatu 1", postalCode: "02100", city: "Espoo", countyId: "1" };

  it("keeps a phone and an e-mail address, or neither", () => {
    expect(placeFormSchema.parse({ ...base, contactPhone: " +358 40 123 4567 ", contactEmail: "Espoo@Example.fi" })).toMatchObject({
      contactPhone: "+358 40 123 4567",
      contactEmail: "espoo@example.fi",
    });
    expect(placeFormSchema.parse({ ...base, contactPhone: "", contactEmail: "" })).toMatchObject({ contactPhone: null, contactEmail: null });
  });

  it("refuses what is not a phone number or an address", () => {
    const errors = placeFormSchema.safeParse({ ...base, contactPhone: "call me", contactEmail: "nope" }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(errors).toEqual([
      ["contactPhone", "phoneInvalid"],
      ["contactEmail", "emailInvalid"],
    ]);
  });
});

describe("a place's room size", () => {
  const base = { name: "Kohtaamo Espoo", streetAddress: "Kauppakatu 1", postalCode: "02100", city: "Espoo", countyId: "1" };

  it("is a whole number of people from 1 to 1000, 30 when left empty", () => {
    expect(placeFormSchema.parse(base).roomSize).toBe(30);
    expect(placeFormSchema.parse({ ...base, roomSize: " 45 " }).roomSize).toBe(45);
    for (const bad of ["0", "1001", "12.5", "-3", "thirty", "1e3"]) {
      expect(placeFormSchema.safeParse({ ...base, roomSize: bad }).error?.issues.map((i) => [i.path[0], i.message])).toEqual([["roomSize", "roomSizeInvalid"]]);
    }
  });
});
