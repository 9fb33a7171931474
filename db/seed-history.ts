import { TZDate } from "@date-fns/tz";
import type Database from "better-sqlite3";
import type { DB } from "./client";
import { seededRandom } from "./seeded-random";

/*
 * Demo history: about five months of past drop-ins at the two demo places,
 * with anonymous walk-ins, visitor codes (some parents keep coming back with
 * theirs), a few professionals, an info evening with bookings, a no-show and
 * a cancellation, and some feedback; how some new parents heard of the
 * place, and a session for professionals with their own answers, so the
 * reach dashboard and the side-by-side feedback have figures to show on a
 * fresh demo. Seeded random numbers: the same history every time
 * for the same day. Loaded only into a database that has the demo places and
 * no visits at all.
 */

const ZONE = "Europe/Helsinki";
const WEEKS = 22;


const text = (fi: string, sv: string, en: string) => JSON.stringify({ fi, sv, en });
const DROP_IN = {
  title: text("Avoimet ovet", "Öppet hus", "Drop-in"),
  description: text(
    "Tule kahville ja juttelemaan kokemusasiantuntijoiden kanssa. Ilmoittautumista ei tarvita.",
    "Kom på kaffe och prata med erfarenhetsexperter. Ingen anmälan behövs.",
    "Come for a coffee and a talk with experience experts. No sign-up is needed.",
  ),
};

export function seedHistory(db: DB, now = new Date()): boolean {
  const sqlite = (db as DB & { $client: Database.Database }).$client;
  const place = (slug: string) => sqlite.prepare("SELECT id FROM places WHERE slug = ?").pluck().get(slug) as number | undefined;
  const tikkurila = place("tikkurila");
  const jarvenpaa = place("jarvenpaa");
  if (!tikkurila || !jarvenpaa) return false;
  if (sqlite.prepare("SELECT 1 FROM visits LIMIT 1").get()) return false;

  const rnd = seededRandom(20260301);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const today = new TZDate(now.getTime(), ZONE);
  const at = (daysAgo: number, hours: number, minutes = 0) =>
    new TZDate(today.getFullYear(), today.getMonth(), today.getDate() - daysAgo, hours, minutes, 0, ZONE).getTime();

  const addSession = sqlite.prepare(
    `INSERT INTO sessions (place_id, kind, starts_at, ends_at, title, description, languages, capacity, max_party_size, status, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, '["fi"]', ?, 4, 'scheduled', ?) RETURNING id`,
  );
  const addCode = sqlite.prepare("INSERT INTO visitor_codes (code, created_at) VALUES (?, ?)");
  const addVisit = sqlite.prepare(
    "INSERT INTO visits (session_id, kind, source, first_time, visitor_code, booking_id, client_key, created_at, heard_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const addBooking = sqlite.prepare(
    `INSERT INTO bookings (session_id, code, token_hash, nickname, party_size, locale, status, visitor_code, created_at, confirmed_at, cancelled_at)
     VALUES (?, ?, ?, NULL, ?, 'fi', ?, ?, ?, ?, ?) RETURNING id`,
  );
  const addAttendance = sqlite.prepare("INSERT INTO attendance (booking_id, session_id, status, created_at) VALUES (?, ?, ?, ?)");
  const addProfessionalFeedback = sqlite.prepare(
    `INSERT INTO professional_feedback (session_id, learned, learned_text, will_change, comment, locale, device_hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addFeedback = sqlite.prepare(
    `INSERT INTO feedback_responses (session_id, rating, got_information, less_alone, would_return, comment, locale, device_hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  // Codes in the visitor-code shape ("KTM-4783-PXW"), drawn from a generator of their own so the
  // rest of the history stays as it was.
  const codeRnd = seededRandom(20261111);
  const draw = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(codeRnd() * alphabet.length)]).join("");
  const letters = "ABCDEFGHJKMNPQRTWXY";
  const codes: string[] = [];
  const newCode = (when: number) => {
    let code: string;
    do code = `${draw(letters, 3)}-${draw("346789", 4)}-${draw(letters, 3)}`;
    while (codes.includes(code));
    codes.push(code);
    addCode.run(code, when);
    return code;
  };
  // How a new parent heard of the place, for about half of them: from a generator of its own too.
  const channelRnd = seededRandom(20261123);
  const channels = [
    ["social_worker", 0.36],
    ["peer", 0.2],
    ["professional", 0.14],
    ["flyer", 0.12],
    ["web", 0.12],
    ["other", 0.06],
  ] as const;
  const heardFrom = (firstTime: number | null) => {
    if (firstTime !== 1 || channelRnd() < 0.5) return null;
    let r = channelRnd();
    for (const [channel, weight] of channels) if ((r -= weight) < 0) return channel;
    return "other";
  };
  let key = 0;
  const answer = () => (rnd() < 0.72 ? "yes" : rnd() < 0.5 ? "no" : "cant_say");
  // A comment with every fourth answer, each of these once, in the answer's language (no random draw, so the rest stays as it was).
  const comments: Record<"fi" | "sv" | "en", string[]> = {
    fi: [
      "Oli helpottavaa kuulla, etten ole ainoa.",
      "Sain vinkin, miten valmistautua palaveriin.",
      "Toivoisin iltaryhmää, päivisin olen töissä.",
      "Kahvi oli hyvää ja sai puhua rauhassa.",
      "Tila oli ahdas, kun paikalla oli paljon väkeä.",
      "Kiitos, että jaksoitte kuunnella.",
    ],
    sv: ["Skönt att få prata med någon som förstår.", "Det vore bra med mer information på svenska."],
    en: ["More evening times would help."],
  };
  let answered = 0;
  const feedback = (sessionId: number, when: number, n: number) => {
    for (let i = 0; i < n; i++) {
      const rating = rnd() < 0.08 ? null : rnd() < 0.55 ? 4 : rnd() < 0.75 ? 3 : rnd() < 0.6 ? 2 : 1;
      const got = answer();
      const lessAlone = answer();
      const wouldReturn = rnd() < 0.9 ? "yes" : answer();
      const locale = rnd() < 0.85 ? "fi" : rnd() < 0.5 ? "sv" : "en";
      const comment = ++answered % 4 === 0 ? (comments[locale].shift() ?? null) : null;
      addFeedback.run(sessionId, rating, got, lessAlone, wouldReturn, comment, locale, `history-${sessionId}-${i}`, when);
    }
  };

  sqlite.transaction(() => {
    for (let week = WEEKS; week >= 1; week--) {
      for (const [placeId, weekday] of [
        [tikkurila, 2],
        [jarvenpaa, 4],
      ] as const) {
        // The same weekday as the demo's coming drop-ins (Tuesday, Thursday), `week` weeks back.
        const back = week * 7 + ((today.getDay() - weekday + 7) % 7);
        if (rnd() < 0.06) continue; // a holiday now and then
        const start = at(back, 9);
        const end = at(back, 15);
        const id = addSession.pluck().get(placeId, "drop_in", start, end, DROP_IN.title, DROP_IN.description, null, end) as number;
        const tap = (kind: string, source: string, firstTime: number | null, code: string | null) =>
          addVisit.run(id, kind, source, firstTime, code, null, `history:${++key}`, start + int(0, 5 * 3600) * 1000, heardFrom(firstTime));
        for (let n = int(2, 7); n > 0; n--) {
          const r = rnd();
          if (r < 0.3 && codes.length > 3) tap("parent", "code", 0, codes[int(0, codes.length - 1)]!);
          else if (r < 0.42) tap("parent", "code", 1, newCode(start));
          else tap("parent", "walk_in", rnd() < 0.45 ? 1 : rnd() < 0.85 ? 0 : null, null);
        }
        for (let n = rnd() < 0.5 ? int(1, 2) : 0; n > 0; n--) tap("professional", "walk_in", null, null);
        if (rnd() < 0.15) tap("other", "walk_in", null, null);
        if (rnd() < 0.5) feedback(id, end, int(1, 3));
      }
    }

    // An info evening six weeks ago: bookings, a party of two, a no-show, a cancellation.
    const start = at(6 * 7 - 1, 18);
    const end = at(6 * 7 - 1, 19, 30);
    const evening = addSession.pluck().get(
      jarvenpaa,
      "info_evening",
      start,
      end,
      text("Infoilta: oikeutesi ja palvelut", "Infokväll: dina rättigheter och vilken hjälp som finns", "Info evening: your rights and the services"),
      text("Mitä palveluja perheelle on tarjolla?", "Vilka tjänster finns för familjen?", "Which services are there for the family?"),
      25,
      end,
    ) as number;
    const booked = start - 10 * 86_400_000;
    const plan: [number, "confirmed" | "cancelled", "attended" | "no_show" | null, boolean][] = [
      [1, "confirmed", "attended", true],
      [2, "confirmed", "attended", false],
      [1, "confirmed", "attended", false],
      [1, "confirmed", "attended", true],
      [1, "confirmed", "no_show", false],
      [2, "cancelled", null, false],
    ];
    plan.forEach(([party, status, came, withCode], i) => {
      const code = withCode && codes.length ? codes[i]! : null;
      const id = addBooking.pluck().get(evening, `HIST${i}`, `history-token-${i}`, party, status, code, booked, status === "confirmed" ? booked : null, status === "cancelled" ? booked + 86_400_000 : null) as number;
      if (!came) return;
      addAttendance.run(id, evening, came, end);
      if (came === "attended") for (let seat = 0; seat < party; seat++) addVisit.run(evening, "parent", "booking", null, seat === 0 ? code : null, id, `booking:${id}:${evening}:${seat}`, start, null);
    });
    addVisit.run(evening, "professional", "walk_in", null, null, null, `history:${++key}`, start, null);
    addVisit.run(evening, "parent", "walk_in", 1, null, null, `history:${++key}`, start, "social_worker");
    feedback(evening, end, 4);

    // An info session for professionals three weeks ago: social workers hear the experience experts,
    // and answer their own short form (read beside the parents' on the planners' feedback page).
    const proStart = at(3 * 7 - 1, 13);
    const proEnd = at(3 * 7 - 1, 15);
    const forWorkers = addSession.pluck().get(
      tikkurila,
      "info_evening",
      proStart,
      proEnd,
      text("Infotilaisuus työntekijöille: kokemusasiantuntijat mukana", "Infotillfälle för anställda: erfarenhetsexperter med", "Info session for workers: experience experts on board"),
      text(
        "Mitä vanhemmat kertovat kohtaamispaikassa, ja miten sen voi ottaa työssä huomioon?",
        "Vad föräldrarna berättar på mötesplatsen, och hur det kan beaktas i arbetet.",
        "What parents tell at the meeting place, and how work can take it into account.",
      ),
      30,
      proEnd,
    ) as number;
    sqlite.prepare("UPDATE sessions SET for_professionals = 1 WHERE id = ?").run(forWorkers);
    for (let n = 0; n < 14; n++) addVisit.run(forWorkers, "professional", "walk_in", null, null, null, `history:${++key}`, proStart, null);
    const proAnswers: [string, string | null, string | null, string | null, "fi" | "sv" | "en"][] = [
      ["yes", "Vanhemman oma kertomus avasi, miltä palaveri tuntuu pöydän toisella puolella.", "Kysyn vanhemman näkemystä ensin ja kirjaan sen hänen sanoillaan.", null, "fi"],
      ["yes", "Kokemusasiantuntija sanoitti asioita, joita vanhempi ei ole sanonut minulle.", "Kerron perheille kohtaamispaikasta jo ensimmäisellä tapaamisella.", "Hyvä tilaisuus, lisää näitä.", "fi"],
      ["yes", null, "Lähetän palaverin asialistan vanhemmille etukäteen.", null, "fi"],
      ["cant_say", null, null, "Aika loppui kesken, keskustelua olisi riittänyt.", "fi"],
      ["yes", "Att föräldrar ofta inte förstår varför ett beslut fattades.", "Jag förklarar besluten med enklare ord.", null, "sv"],
      ["yes", null, "I will ask parents how they want to be contacted.", null, "en"],
      ["no", null, null, null, "fi"],
    ];
    proAnswers.forEach(([learned, learnedText, willChange, comment, locale], i) =>
      addProfessionalFeedback.run(forWorkers, learned, learnedText, willChange, comment, locale, `history-pro-${i}`, proEnd),
    );
  })();
  return true;
}
