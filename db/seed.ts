import { TZDate } from "@date-fns/tz";
import { addDays, addWeeks, nextTuesday, nextThursday, nextWednesday, startOfDay } from "date-fns";
import { count, eq } from "drizzle-orm";
import type { DB } from "./client";
import { counties, places, sessionFacilitators, sessionGroups, sessions, users, type Localized } from "./schema";

const ZONE = "Europe/Helsinki";

/** A wall-clock time in Helsinki on the day of `day`, as a UTC instant. */
function at(day: Date, hours: number, minutes = 0): Date {
  const d = new TZDate(day.getTime(), ZONE);
  return new Date(new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), hours, minutes, ZONE).getTime());
}

const dropIn = {
  title: { fi: "Avoimet ovet", sv: "Öppet hus", en: "Drop-in" },
  description: {
    fi: "Tule kahville ja juttelemaan kokemusasiantuntijoiden kanssa. Ilmoittautumista ei tarvita, eikä sinun tarvitse kertoa nimeäsi.",
    sv: "Kom på kaffe och prata med erfarenhetsexperter. Ingen anmälan behövs och du behöver inte berätta ditt namn.",
    en: "Come for a coffee and a talk with experience experts. No sign-up is needed and you do not have to tell your name.",
  },
} satisfies { title: Localized; description: Localized };

/** Demo data for a fresh database: two meeting places and their coming weeks. */
export function seedDemo(db: DB, now = new Date()): boolean {
  const existing = db.select({ n: count() }).from(places).get();
  if ((existing?.n ?? 0) > 0) return false;

  db.transaction((tx) => {
    // The two real counties' shape, with numbers and addresses that are plainly not real (09 000 …, .example).
    const vantaaKerava = tx
      .insert(counties)
      .values({
        name: { fi: "Vantaan ja Keravan hyvinvointialue", sv: "Vanda och Kervo välfärdsområde", en: "Vantaa and Kerava wellbeing services county" },
        ombudsmanName: "Demo-sosiaaliasiavastaava (Vantaa–Kerava)",
        ombudsmanPhone: "09 000 0001",
        ombudsmanEmail: "sosiaaliasiavastaava@vantaa-kerava.example",
        ombudsmanUrl: "https://vantaa-kerava.example/sosiaaliasiavastaava",
        emergencyPhone: "09 000 0002",
        clientSafetyName: "Demo-asiakasturvallisuus (Vantaa–Kerava)",
        clientSafetyEmail: "asiakasturvallisuus@vantaa-kerava.example",
      })
      .returning({ id: counties.id })
      .get();
    const keskiUusimaa = tx
      .insert(counties)
      .values({
        name: { fi: "Keski-Uudenmaan hyvinvointialue", sv: "Mellersta Nylands välfärdsområde", en: "Central Uusimaa wellbeing services county" },
        ombudsmanName: "Demo-sosiaaliasiavastaava (Keski-Uusimaa)",
        ombudsmanPhone: "09 000 0003",
        ombudsmanEmail: "sosiaaliasiavastaava@keski-uusimaa.example",
        ombudsmanUrl: "https://keski-uusimaa.example/sosiaaliasiavastaava",
        emergencyPhone: "09 000 0004",
        clientSafetyName: "Demo-asiakasturvallisuus (Keski-Uusimaa)",
        clientSafetyEmail: "asiakasturvallisuus@keski-uusimaa.example",
      })
      .returning({ id: counties.id })
      .get();
    const tikkurila = tx
      .insert(places)
      .values({
        slug: "tikkurila",
        name: "Kohtaamo Tikkurila",
        countyId: vantaaKerava.id,
        streetAddress: "Asematie 10 B",
        postalCode: "01300",
        city: "Vantaa",
        nameSv: "Kohtaamo Dickursby",
        streetAddressSv: "Stationsvägen 10 B",
        citySv: "Vanda",
        directions: {
          fi: "Tikkurilan asemalta 300 metriä Asematietä pohjoiseen. Sisäänkäynti sisäpihan puolelta, ovessa lukee Kohtaamo. Busseja Asematien pysäkille.",
          sv: "300 meter norrut längs Stationsvägen från Dickursby station. Ingången från innergården, det står Kohtaamo på dörren. Bussar till hållplatsen vid Stationsvägen.",
          en: "300 metres north along Asematie from Tikkurila station. The entrance is in the courtyard, the door says Kohtaamo. Buses stop on Asematie.",
        },
        accessibility: {
          fi: "Esteetön sisäänkäynti ja wc. Hissi toiseen kerrokseen. Induktiosilmukka pyydettäessä.",
          sv: "Tillgänglig ingång och toalett. Hiss till andra våningen. Hörslinga på begäran.",
          en: "Step-free entrance and toilet. Lift to the second floor. Hearing loop on request.",
        },
        openingHours: { fi: "Tiistaisin klo 9–15", sv: "Tisdagar kl. 9–15", en: "Tuesdays 9 am – 3 pm" },
        contactPhone: "040 000 0001",
        contactEmail: "tikkurila@kohtaamo.local",
      })
      .returning({ id: places.id })
      .get();
    const jarvenpaa = tx
      .insert(places)
      .values({
        slug: "jarvenpaa",
        name: "Kohtaamo Järvenpää",
        countyId: keskiUusimaa.id,
        streetAddress: "Sibeliuksenkatu 15",
        postalCode: "04400",
        city: "Järvenpää",
        nameSv: "Kohtaamo Träskända",
        streetAddressSv: "Sibeliusgatan 15",
        citySv: "Träskända",
        directions: {
          fi: "Järvenpään asemalta kymmenen minuutin kävely keskustan suuntaan. Kolmas kerros, ovikello Kohtaamo.",
          sv: "Tio minuters promenad från Träskända station mot centrum. Tredje våningen, ringklocka Kohtaamo.",
          en: "A ten-minute walk from Järvenpää station towards the centre. Third floor, doorbell Kohtaamo.",
        },
        accessibility: {
          fi: "Hissi ja esteetön wc. Pyörätuolilla pääsee kaikkiin tiloihin.",
          sv: "Hiss och tillgänglig toalett. Alla utrymmen nås med rullstol.",
          en: "Lift and accessible toilet. All rooms can be reached by wheelchair.",
        },
        openingHours: { fi: "Torstaisin klo 9–15", sv: "Torsdagar kl. 9–15", en: "Thursdays 9 am – 3 pm" },
        contactPhone: "040 000 0002",
        contactEmail: "jarvenpaa@kohtaamo.local",
      })
      .returning({ id: places.id })
      .get();

    const today = startOfDay(new TZDate(now.getTime(), ZONE));
    const weeks = 8;
    for (const [placeId, first] of [
      [tikkurila.id, nextTuesday(addDays(today, -1))],
      [jarvenpaa.id, nextThursday(addDays(today, -1))],
    ] as const) {
      for (let w = 0; w < weeks; w++) {
        const day = addWeeks(first, w);
        tx.insert(sessions)
          .values({
            placeId,
            kind: "drop_in",
            startsAt: at(day, 9),
            endsAt: at(day, 15),
            ...dropIn,
            languages: ["fi", "en"],
            capacity: null,
          })
          .run();
      }
    }

    const group = tx
      .insert(sessionGroups)
      .values({
        placeId: tikkurila.id,
        title: { fi: "Vertaisryhmä vanhemmille", sv: "Kamratgrupp för föräldrar", en: "Peer group for parents" },
        description: {
          fi: "Kuusi tapaamista viikon välein. Pieni ryhmä, jossa jaetaan kokemuksia ja tietoa turvallisesti. Ryhmää ohjaavat kaksi kokemusasiantuntijaa.",
          sv: "Sex träffar med en veckas mellanrum. En liten grupp där vi tryggt delar erfarenheter och information. Två erfarenhetsexperter håller i gruppen.",
          en: "Six meetings a week apart. A small group for sharing experiences and information safely, led by two experience experts.",
        },
        capacity: 10,
        maxPartySize: 2,
      })
      .returning({ id: sessionGroups.id })
      .get();
    const groupStart = nextWednesday(addDays(today, 2));
    for (let w = 0; w < 6; w++) {
      const day = addWeeks(groupStart, w);
      tx.insert(sessions)
        .values({
          placeId: tikkurila.id,
          groupId: group.id,
          kind: "group",
          startsAt: at(day, 17, 30),
          endsAt: at(day, 19),
          title: {
            fi: `Vertaisryhmä vanhemmille, tapaaminen ${w + 1}/6`,
            sv: `Kamratgrupp för föräldrar, träff ${w + 1}/6`,
            en: `Peer group for parents, meeting ${w + 1} of 6`,
          },
          description: {
            fi: "Ryhmän tapaaminen. Varaus koskee kaikkia kuutta tapaamista.",
            sv: "Gruppens träff. Bokningen gäller alla sex träffar.",
            en: "A meeting of the group. A booking covers all six meetings.",
          },
          languages: ["fi"],
          capacity: null,
        })
        .run();
    }

    const evening = addDays(today, 10);
    tx.insert(sessions)
      .values({
        placeId: jarvenpaa.id,
        kind: "info_evening",
        startsAt: at(evening, 18),
        endsAt: at(evening, 19, 30),
        title: {
          fi: "Infoilta: oikeutesi ja palvelut",
          sv: "Infokväll: dina rättigheter och vilken hjälp som finns",
          en: "Info evening: your rights and the services",
        },
        description: {
          fi: "Mitä palveluja perheelle on tarjolla, ja mitkä ovat vanhemman oikeudet ja velvollisuudet? Kokemusasiantuntija ja hyvinvointialueen työntekijä kertovat ja vastaavat kysymyksiin. Voit kysyä nimettömästi.",
          sv: "Vilka tjänster finns för familjen, och vilka är förälderns rättigheter och skyldigheter? En erfarenhetsexpert och en anställd vid välfärdsområdet berättar och svarar på frågor. Du kan fråga anonymt.",
          en: "Which services are there for the family, and what are a parent's rights and duties? An experience expert and a worker from the wellbeing services county explain and answer questions. You can ask anonymously.",
        },
        languages: ["fi", "sv"],
        capacity: 25,
      })
      .run();
  });
  return true;
}

export const DEMO_STAFF = {
  planner: "planner@kohtaamo.local",
  facilitator: "facilitator@kohtaamo.local",
  facilitator2: "facilitator2@kohtaamo.local",
} as const;

/**
 * A planner and two facilitators for the demo places, each facilitator running
 * one place's sessions. Their sign-in links arrive in the local mail catcher.
 */
export function seedDemoStaff(db: DB): boolean {
  if ((db.select({ n: count() }).from(users).get()?.n ?? 0) > 0) return false;
  const tikkurila = db.select({ id: places.id }).from(places).where(eq(places.slug, "tikkurila")).get();
  const jarvenpaa = db.select({ id: places.id }).from(places).where(eq(places.slug, "jarvenpaa")).get();
  if (!tikkurila || !jarvenpaa) return false;

  db.transaction((tx) => {
    tx.insert(users).values({ email: DEMO_STAFF.planner, name: "Pia Suunnittelija", role: "planner" }).run();
    const [eero, sanna] = [
      tx.insert(users).values({ email: DEMO_STAFF.facilitator, name: "Eero Kokemusasiantuntija", role: "facilitator" }).returning().get(),
      tx.insert(users).values({ email: DEMO_STAFF.facilitator2, name: "Sanna Kokemusasiantuntija", role: "facilitator", locale: "sv" }).returning().get(),
    ];
    for (const [placeId, userId] of [
      [tikkurila.id, eero.id],
      [jarvenpaa.id, sanna.id],
    ] as const) {
      for (const s of tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.placeId, placeId)).all()) {
        tx.insert(sessionFacilitators).values({ sessionId: s.id, userId }).run();
      }
    }
  });
  return true;
}

/** The first admin, from ADMIN_EMAIL: created once, or restored to admin if it exists. */
export function ensureAdmin(db: DB, email: string | undefined): void {
  if (!email) return;
  const address = email.trim().toLowerCase();
  const existing = db.select({ id: users.id }).from(users).where(eq(users.email, address)).get();
  if (existing) db.update(users).set({ role: "admin", deactivatedAt: null }).where(eq(users.id, existing.id)).run();
  else db.insert(users).values({ email: address, role: "admin", name: address }).run();
}
