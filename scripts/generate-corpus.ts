// Generate a deterministic synthetic Arabic corpus for benchmarks:
//   npm run generate-corpus -- N DIR [--words=800]
// Paragraphs come from the seed texts; dates, datelines and organisations vary
// by document so the timeline and organisation pages fill up realistically.
// The same N gives the same files, byte for byte.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { projectRoot } from "../src/project.ts";

/** A small deterministic pseudo-random generator (mulberry32). */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"];
const EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
const CITIES = ["الدوحة (قطر)", "فيينا (النمسا)", "ليون (فرنسا)", "القاهرة (مصر)", "عمّان (الأردن)", "جنيف (سويسرا)", "الرباط (المغرب)", "تونس (تونس)", "بيروت (لبنان)", "أبوظبي (الإمارات)"];
const ORGANISATION_SENTENCES = [
  "وشارك في الاجتماع ممثلون عن الإنتربول ومكتب الأمم المتحدة المعني بالمخدرات والجريمة.",
  "وأشادت المنظمة الدولية للهجرة بالتعاون القائم مع منظمة العمل الدولية في هذا المجال.",
  "ودعت جامعة الدول العربية إلى تنسيق الجهود مع الاتحاد الأفريقي والاتحاد الأوروبي.",
  "وقدمت المفوضية السامية للأمم المتحدة لشؤون اللاجئين ومنظمة الأمم المتحدة للطفولة (اليونيسف) الدعم الفني.",
  "وتعاونت اليوروبول مع منظمة الأمن والتعاون في أوروبا لتفكيك الشبكة.",
  "وأكدت الأمانة العامة لمجلس التعاون لدول الخليج العربية أهمية تبادل المعلومات.",
];
const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";

function seedParagraphs(): string[] {
  const dir = join(projectRoot, "tests/fixtures/seeds");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".txt"))
    .flatMap((file) => readFileSync(join(dir, file), "utf8").split("\n"))
    .map((line) => line.trim())
    .filter((line) => line.split(/\s+/).length >= 25);
}

function arabicIndic(value: number): string {
  return String(value).replace(/\d/g, (digit) => ARABIC_INDIC[Number(digit)] ?? digit);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** One document: title, a date line in one of the forms real texts use, a dateline, ~`words` words. */
export function syntheticDocument(index: number, paragraphs: readonly string[], words: number): string {
  const random = randomSource(index + 1);
  const year = 2005 + Math.floor(random() * 21);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const form = random();
  const dateLine =
    form < 0.1
      ? null
      : form < 0.4
        ? `${arabicIndic(day)} ${EGYPTIAN[month - 1]}، ${arabicIndic(year)}`
        : form < 0.7
          ? `${day} ${LEVANTINE[month - 1]}/${EGYPTIAN[month - 1]} ${year}`
          : form < 0.85
            ? `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`
            : `${LEVANTINE[month - 1]}/${EGYPTIAN[month - 1]} ${year}`;
  const body: string[] = [];
  let count = 0;
  while (count < words) {
    const paragraph = pick(random, paragraphs);
    body.push(random() < 0.3 ? `${paragraph} ${pick(random, ORGANISATION_SENTENCES)}` : paragraph);
    count += paragraph.split(/\s+/).length;
  }
  body[0] = `${pick(random, CITIES)} - ${body[0]}`;
  const title = `${pick(random, paragraphs).split(/\s+/).slice(0, 8).join(" ").replace(/[،,.:؛]+$/, "")} (${arabicIndic(index + 1)})`;
  return [title, "", ...(dateLine ? [dateLine, ""] : []), body.join("\n\n"), ""].join("\n");
}

export function generateCorpus(count: number, dir: string, words = 800): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paragraphs = seedParagraphs();
  for (let index = 0; index < count; index++) {
    writeFileSync(join(dir, `document-${String(index + 1).padStart(6, "0")}.txt`), syntheticDocument(index, paragraphs, words));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [countArg, dirArg] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const wordsArg = process.argv.find((arg) => arg.startsWith("--words="));
  const count = Number(countArg);
  if (!Number.isInteger(count) || count < 1 || !dirArg) {
    console.error("usage: npm run generate-corpus -- N DIR [--words=800]");
    process.exit(2);
  }
  generateCorpus(count, resolve(dirArg), wordsArg ? Number(wordsArg.slice("--words=".length)) : 800);
  console.log(`wrote ${count} documents to ${resolve(dirArg)}`);
}
