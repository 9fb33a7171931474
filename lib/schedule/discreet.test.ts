import { expect, it } from "vitest";
import { tellingTitleWords, tellingWords } from "./discreet";

it("finds the words that tell a bystander too much, in three languages and in Finnish inflections", () => {
  expect(tellingWords(["Infoilta: sijoitus ja yhteydenpito"])).toEqual(["sijoitus"]);
  expect(tellingWords(["Vertaisryhmä huostaanoton jälkeen", "Efter omhändertagandet", "Child Protection  basics"])).toEqual([
    "huostaanotto",
    "omhändertagande",
    "child protection",
  ]);
  expect(tellingWords(["Lastensuojelun asiakkaille", "Vård utom hemmet", "Substitute care and placement"])).toEqual([
    "lastensuojelu",
    "vård utom hemmet",
    "placement",
    "substitute care",
  ]);
  expect(tellingWords(["Avoimet ovet", "Öppet hus", "Drop-in", null])).toEqual([]);
  expect(tellingTitleWords({ titleFi: "Sijaishuolto", titleSv: "Barnskydd", titleEn: "Taking into care" })).toEqual(["sijaishuolto", "barnskydd", "taking into care"]);
});
