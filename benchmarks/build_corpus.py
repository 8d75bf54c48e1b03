"""Writes a synthetic SOURCE corpus for the build benchmark: a buildable project copy.

    .venv/bin/python -m benchmarks.build_corpus OUT [--pages 1000] [--seed 1]

OUT gets a mkdocs.yml that INHERITs the repository's real one (with the
corpus's own nav and the translation floor set to CORPUS_MIN_CURRENT), the
shared docs/assets/ and a generated docs/<lang>/ tree in the project's real
format:

- front matter (title, description, last_reviewed, sources), ``# Title``, the
  ``!!! abstract "Key points"`` box, ``## Heading { #id }`` and ``###``
  headings, a table, an image (one of three small SVGs), footnotes with
  sources, links to other pages with anchors, to glossary terms and to a
  briefing, and a same-page anchor;
- every page in English; each translation (ar, zh, fr, ru, es) is, by a seeded
  draw (at least the share of current pages the real mkdocs.yml requires), current (its ``translation.source_hash`` is computed with
  ``scripts.i18n.coverage.source_hash``), outdated (a wrong hash) or missing
  (readers get the English page with a notice);
- a glossary (tooltips on every page), a briefings index and a handful of
  ``type: briefing`` pages, which must exist in every language and become PDFs;
- the Translation status page in every language.

Pages are ``sNN/pNNNN.md`` (50 per section); ``--pages`` counts these topic
pages, the fixed pages (home, glossary, briefings, status page) come on top.
The same seed always gives byte-identical files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

from scripts.core.pages import page_from_text
from scripts.i18n.coverage import source_hash
from tests.support.sites import REPO, project_settings, write_config

LANGS = ["en", "ar", "zh", "fr", "ru", "es"]
SECTION_SIZE = 50
BRIEFINGS = 4
GLOSSARY_TERMS = 40
# Share of topic pages per translation status (the rest are missing).
CURRENT, OUTDATED = 0.68, 0.10
REVIEWED = "2026-11-01"
TRANSLATED = "2026-11-10"
HEADINGS = ["overview", "how-it-works", "evidence", "risks-and-limits", "rules-and-standards"]
SUBHEADING = "in-practice"
IMAGES = ["chart-bars.svg", "flow-two-stages.svg", "timeline.svg"]

# Small vocabularies, enough for prose that passes the project's language check
# (Arabic, Chinese and Russian in their scripts; French and Spanish unlike English).
WORDS = {
    "en": ["model", "data", "system", "people", "training", "risk", "public", "service", "evidence", "decision", "rule", "law", "test", "safety", "language", "image", "search", "school", "health", "work", "energy", "chip", "network", "answer", "question", "result", "study", "policy", "standard", "review", "source", "report", "company", "government", "user", "tool", "error", "bias", "privacy", "security", "design", "account", "output", "input", "access", "open", "trust", "help", "change", "learn", "build", "use", "check"],
    "ar": ["نموذج", "بيانات", "نظام", "الناس", "تدريب", "خطر", "خدمة", "عامة", "دليل", "قرار", "قاعدة", "قانون", "اختبار", "سلامة", "لغة", "صورة", "بحث", "مدرسة", "صحة", "عمل", "طاقة", "شبكة", "جواب", "سؤال", "نتيجة", "دراسة", "سياسة", "معيار", "مراجعة", "مصدر", "تقرير", "شركة", "حكومة", "مستخدم", "أداة", "خطأ", "تحيز", "خصوصية", "أمن", "تصميم", "مساءلة", "مخرجات", "مدخلات", "وصول", "ثقة", "مساعدة", "تغيير", "تعلم", "بناء"],
    "zh": ["模型", "数据", "系统", "人们", "训练", "风险", "公共", "服务", "证据", "决定", "规则", "法律", "测试", "安全", "语言", "图像", "搜索", "学校", "健康", "工作", "能源", "芯片", "网络", "回答", "问题", "结果", "研究", "政策", "标准", "审查", "来源", "报告", "公司", "政府", "用户", "工具", "错误", "偏见", "隐私", "设计"],
    "fr": ["modèle", "données", "système", "personnes", "entraînement", "risque", "service", "public", "preuve", "décision", "règle", "loi", "essai", "sûreté", "langue", "image", "recherche", "école", "santé", "travail", "énergie", "puce", "réseau", "réponse", "question", "résultat", "étude", "politique", "norme", "examen", "source", "rapport", "entreprise", "gouvernement", "utilisateur", "outil", "erreur", "biais", "vie", "privée", "sécurité", "conception", "responsabilité", "sortie", "entrée", "accès", "confiance", "aide"],
    "ru": ["модель", "данные", "система", "люди", "обучение", "риск", "служба", "общество", "доказательство", "решение", "правило", "закон", "проверка", "безопасность", "язык", "изображение", "поиск", "школа", "здоровье", "работа", "энергия", "чип", "сеть", "ответ", "вопрос", "результат", "исследование", "политика", "стандарт", "обзор", "источник", "отчёт", "компания", "правительство", "пользователь", "инструмент", "ошибка", "предвзятость", "приватность", "защита", "дизайн", "подотчётность", "доступ", "доверие", "помощь"],
    "es": ["modelo", "datos", "sistema", "personas", "entrenamiento", "riesgo", "servicio", "público", "prueba", "decisión", "regla", "ley", "ensayo", "seguridad", "lengua", "imagen", "búsqueda", "escuela", "salud", "trabajo", "energía", "chip", "red", "respuesta", "pregunta", "resultado", "estudio", "política", "norma", "revisión", "fuente", "informe", "empresa", "gobierno", "usuario", "herramienta", "error", "sesgo", "privacidad", "protección", "diseño", "rendición", "cuentas", "salida", "entrada", "acceso", "confianza", "ayuda"],
}
HEADING_TEXT = {
    "en": ["Overview", "How it works", "What the evidence says", "Risks and limits", "Rules and standards", "In practice"],
    "ar": ["نظرة عامة", "كيف يعمل", "ما تقوله الأدلة", "المخاطر والحدود", "القواعد والمعايير", "في الممارسة"],
    "zh": ["概述", "工作原理", "证据怎么说", "风险与局限", "规则与标准", "实践中"],
    "fr": ["Vue d’ensemble", "Comment cela fonctionne", "Ce que disent les preuves", "Risques et limites", "Règles et normes", "En pratique"],
    "ru": ["Обзор", "Как это работает", "Что говорят данные", "Риски и ограничения", "Правила и стандарты", "На практике"],
    "es": ["Panorama", "Cómo funciona", "Qué dicen las pruebas", "Riesgos y límites", "Reglas y normas", "En la práctica"],
}
KEY_POINTS = {"en": "Key points", "ar": "النقاط الرئيسية", "zh": "要点", "fr": "Points clés", "ru": "Главное", "es": "Puntos clave"}
SEP = {"zh": ""}  # Chinese is written without spaces
STOP = {"zh": "。", "ar": ".", "en": ".", "fr": ".", "ru": ".", "es": "."}
STATUS_PAGE = """# {title}

{para}

## {h0} {{ #what-the-statuses-mean }}

{para2}

## {h1} {{ #progress-by-language }}

<!-- translation-status: progress -->

## {h2} {{ #pages }}

<!-- translation-status: matrix -->
"""

SVG = {
    "chart-bars.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60" role="img"><title>Bars</title>'
    '<rect x="10" y="30" width="20" height="25" fill="#3f51b5"/><rect x="50" y="15" width="20" height="40" fill="#3f51b5"/>'
    '<rect x="90" y="5" width="20" height="50" fill="#3f51b5"/></svg>\n',
    "flow-two-stages.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" role="img"><title>Flow</title>'
    '<rect x="5" y="10" width="40" height="20" fill="none" stroke="#333"/><path d="M45 20h30" stroke="#333"/>'
    '<rect x="75" y="10" width="40" height="20" fill="none" stroke="#333"/></svg>\n',
    "timeline.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 20" role="img"><title>Timeline</title>'
    '<path d="M5 10h110" stroke="#333"/><circle cx="20" cy="10" r="3"/><circle cx="60" cy="10" r="3"/>'
    '<circle cx="100" cy="10" r="3"/></svg>\n',
}


def topic(number: int) -> str:
    return f"s{number // SECTION_SIZE:02d}/p{number:04d}.md"


def briefing(number: int) -> str:
    return f"briefings/b{number}.md"


class Writer:
    """Seeded prose in one language."""

    def __init__(self, rng: random.Random, lang: str):
        self.rng, self.lang = rng, lang
        self.words = WORDS[lang]

    def phrase(self, count: int) -> str:
        return SEP.get(self.lang, " ").join(self.rng.choice(self.words) for _ in range(count))

    def sentence(self) -> str:
        text = self.phrase(self.rng.randint(8, 16))
        return text[0].upper() + text[1:] + STOP[self.lang]

    def paragraph(self, sentences: int | None = None) -> str:
        count = sentences or self.rng.randint(3, 5)
        return SEP.get(self.lang, " ").join(self.sentence() for _ in range(count))


def _title(writer: Writer) -> str:
    text = writer.phrase(writer.rng.randint(2, 4))
    return text[0].upper() + text[1:]


def _front_matter(meta: list[str]) -> str:
    return "---\n" + "\n".join(meta) + "\n---\n\n"


def _sources(rng: random.Random, count: int) -> list[str]:
    lines = ["sources:"]
    for _ in range(count):
        n = rng.randint(1, 9999)
        lines += [
            f"  - title: Report number {n} on artificial intelligence",
            "    publisher: Example Institute",
            f"    url: https://example.org/reports/{n}",
            f"    date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        ]
    return lines


def topic_body(lang: str, rel: str, rng: random.Random, pages: int, depth: int = 1, briefing_page: bool = False) -> str:
    """The body of one topic or briefing page. Link targets, ids, images and
    tables come from ``rng`` seeded per page, so every language has the same
    structure; the prose comes from a per-language writer. A briefing is
    shorter (two printed pages) and has no image: WeasyPrint 70 fails on an
    image in a right-to-left briefing (see benchmarks/README.md)."""
    writer = Writer(random.Random(f"{rng.random()}-{lang}"), lang)
    if briefing_page:
        long_paragraph = writer.paragraph
        writer.paragraph = lambda sentences=None: long_paragraph(1)
    up = "../" * depth
    here = rel.rsplit("/", 1)[0]

    def page_link(target: str, anchor: str | None = None) -> str:
        folder, name = target.rsplit("/", 1)
        path = name if folder == here else f"{up}{target}"
        return f"[{writer.phrase(2)}]({path}{'#' + anchor if anchor else ''})"

    targets = [topic(rng.randrange(pages)) for _ in range(2 * len(HEADINGS))]
    anchors = [rng.choice(HEADINGS) for _ in targets]
    terms = [f"term-{rng.randrange(GLOSSARY_TERMS):02d}" for _ in range(2)]
    image = rng.choice(IMAGES)
    brief = briefing(rng.randrange(BRIEFINGS))
    notes = rng.randint(2, 3)
    note_ids = [f"src-{index}" for index in range(notes)]
    headings = HEADING_TEXT[lang]

    out = ["# " + _title(writer), "", f'!!! abstract "{KEY_POINTS[lang]}"', ""]
    out += [f"    - {writer.sentence()}" for _ in range(3)]
    out += ["", writer.paragraph() + f"[^{note_ids[0]}]", ""]
    link_iter = iter(zip(targets, anchors, strict=True))
    for index, anchor in enumerate(HEADINGS):
        out += [f"## {headings[index]} {{ #{anchor} }}", ""]
        target, target_anchor = next(link_iter)
        out += [f"{writer.paragraph()} {page_link(target, target_anchor)} {writer.sentence()}", ""]
        target, target_anchor = next(link_iter)
        out += [f"{writer.paragraph()} {page_link(target, target_anchor)}", ""]
        if index == 1 and not briefing_page:
            out += [f"![{writer.phrase(6)}]({up}assets/images/{image})", ""]
        if index == 1:
            out += [f"### {headings[5]} {{ #{SUBHEADING} }}", "", f"{writer.paragraph(2)} [{writer.phrase(2)}](#{HEADINGS[3]})", ""]
        if index == 2:
            out += ["| " + " | ".join(writer.phrase(1) for _ in range(3)) + " |", "|---|---|---:|"]
            out += ["| " + " | ".join([writer.phrase(2), writer.phrase(3), str(rng.randint(1, 999))]) + " |" for _ in range(4)]
            out += ["", f"{writer.paragraph(2)}[^{note_ids[1]}]", ""]
        if index == 3:
            out += [f"- {writer.sentence()} [{writer.phrase(1)}]({up}reference/glossary.md#{terms[0]})" for _ in range(1)]
            out += [f"- {writer.sentence()}", f"- {writer.sentence()} [{writer.phrase(1)}]({up}reference/glossary.md#{terms[1]})", ""]
        if index == 4:
            out += [f"{writer.paragraph(2)} {page_link(brief)} [{writer.phrase(2)}]({up}index.md)" + (f"[^{note_ids[2]}]" if notes > 2 else ""), ""]
    for note in note_ids:
        n = rng.randint(1, 9999)
        out.append(f"[^{note}]: [{writer.phrase(4)}](https://example.org/reports/{n}), Example Institute, 2025.")
    return "\n".join(out) + "\n"


def glossary_body(lang: str) -> str:
    writer = Writer(random.Random(f"glossary-{lang}"), lang)
    out = ["# " + _title(writer), "", writer.paragraph(2), ""]
    for index in range(GLOSSARY_TERMS):
        term = " ".join(WORDS[lang][(index * 7 + k) % len(WORDS[lang])] for k in range(2)) if lang != "zh" else WORDS[lang][index % 40] + WORDS[lang][(index * 7 + 3) % 40]
        term = term[0].upper() + term[1:]
        abbr = f" (T{index:02d})" if index % 5 == 0 else ""
        out += [f"## {term}{abbr} {{ #term-{index:02d} }}", "", writer.sentence(), ""]
    return "\n".join(out)


def briefings_index_body(lang: str, titles: list[str]) -> str:
    writer = Writer(random.Random(f"briefings-{lang}"), lang)
    out = ["# " + _title(writer), "", writer.paragraph(3), ""]
    out += [f"- [{title}](b{number}.md)" for number, title in enumerate(titles)]
    return "\n".join(out) + "\n"


def home_body(lang: str, pages: int) -> str:
    writer = Writer(random.Random(f"home-{lang}"), lang)
    out = ["# " + _title(writer), "", f'!!! abstract "{KEY_POINTS[lang]}"', ""]
    out += [f"    - {writer.sentence()}" for _ in range(3)]
    out += ["", writer.paragraph(), "", f"## {HEADING_TEXT[lang][0]} {{ #sections }}", ""]
    out += [f"- [{writer.phrase(2)}]({topic(start)})" for start in range(0, pages, SECTION_SIZE)]
    out += ["", f"## {HEADING_TEXT[lang][5]} {{ #start }}", "", f"{writer.paragraph(2)} [{writer.phrase(2)}](briefings/index.md) [{writer.phrase(1)}](reference/glossary.md)", ""]
    return "\n".join(out)


def generate(out: Path, pages: int = 1000, seed: int = 1, langs: list[str] | None = None) -> dict:
    """Write the corpus project into ``out`` (replaced). Returns counts."""
    langs = langs or LANGS
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    rng = random.Random(seed)
    counts = {"pages": pages, "languages": langs, "current": 0, "outdated": 0, "missing": 0, "briefings": BRIEFINGS}

    def write(lang: str, rel: str, text: str) -> None:
        path = docs / lang / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def english_meta(title: str, description: str, extra: list[str] = ()) -> list[str]:
        return [f"title: {title}", f"description: {description}", f"last_reviewed: {REVIEWED}", *extra]

    def translated_meta(title: str, description: str, english_text: str, rel: str, status: str) -> list[str]:
        real = source_hash(page_from_text(english_text, docs / "en" / rel, "en", rel))
        recorded = real if status == "current" else f"{int(real, 16) ^ 0xFFFFFF:012x}"  # outdated: a hash of an older English text
        return [f"title: {title}", f"description: {description}", "translation:", f"  source_hash: {recorded}", f"  translated: {TRANSLATED}"]

    def emit(rel: str, body_for, extra_en: list[str], status_for) -> None:
        """English page, then each translation with the status drawn for it."""
        writers = {lang: Writer(random.Random(f"{seed}-{rel}-{lang}-meta"), lang) for lang in langs}
        title = _title(writers["en"])
        english = _front_matter(english_meta(title, writers["en"].sentence(), extra_en)) + body_for("en")
        write("en", rel, english)
        for lang in langs[1:]:
            status = status_for(lang)
            if status == "missing":
                counts["missing"] += 1
                continue
            counts[status] += 1
            meta = translated_meta(_title(writers[lang]), writers[lang].sentence(), english, rel, status)
            write(lang, rel, _front_matter(meta) + body_for(lang))

    def drawn(lang: str) -> str:
        # The real policy (min_current per language) must pass, or the build stops with exit 3.
        floor = float(floors.get(lang, floors.get("*", 0)))
        current = 1.0 if floor >= 1 else min(1.0, max(CURRENT, floor + 0.08))
        outdated = min(OUTDATED, 1.0 - current)
        draw = rng.random()
        return "current" if draw < current else "outdated" if draw < current + outdated else "missing"

    floors = _current_floors()
    always = lambda lang: "current"  # noqa: E731
    sources = lambda: _sources(rng, rng.randint(1, 3))  # noqa: E731

    emit("index.md", lambda lang: home_body(lang, pages), sources(), always)
    emit("reference/glossary.md", glossary_body, [], always)
    brief_titles = {lang: [] for lang in langs}
    for number in range(BRIEFINGS):
        extra = ["status_as_of: " + REVIEWED, "review_by: 2027-06-30", "type: briefing", 'version: "1.0"', *sources()]
        page_seed = rng.random()
        # Required in every language (policy): current, or now and then outdated.
        emit(briefing(number), lambda lang, s=page_seed, n=number: topic_body(lang, briefing(n), random.Random(s), pages, briefing_page=True), extra,
             lambda lang, n=number: "outdated" if (n + LANGS.index(lang)) % 4 == 0 and float(floors.get(lang, floors.get("*", 0))) < 1 else "current")
    for lang in langs:
        for number in range(BRIEFINGS):
            path = docs / lang / briefing(number)
            if path.is_file():
                brief_titles[lang].append(re.search(r"^title: (.*)$", path.read_text(encoding="utf-8"), re.M).group(1))
    emit("briefings/index.md", lambda lang: briefings_index_body(lang, brief_titles[lang]), [], always)
    emit("translation-status.md", lambda lang: _status_body(lang), [], always)
    for number in range(pages):
        page_seed = rng.random()
        extra = sources() if rng.random() < 0.6 else []
        emit(topic(number), lambda lang, s=page_seed, n=number: topic_body(lang, topic(n), random.Random(s), pages), extra, drawn)

    images = docs / "en" / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    for name, svg in SVG.items():
        (images / name).write_text(svg, encoding="utf-8")
    _project_files(out, pages)
    return counts


# The corpus models a site still being translated (missing and outdated
# pages), so its copy of mkdocs.yml gets this floor instead of the real one.
CORPUS_MIN_CURRENT = 0.5


def _current_floors() -> dict:
    return {"*": CORPUS_MIN_CURRENT}


def _status_body(lang: str) -> str:
    writer = Writer(random.Random(f"status-{lang}"), lang)
    h = HEADING_TEXT[lang]
    return STATUS_PAGE.format(title=_title(writer), para=writer.paragraph(2), para2=writer.paragraph(3), h0=h[0], h1=h[1], h2=h[2])


def nav(pages: int) -> list:
    """The corpus's navigation, as mkdocs.yml data."""
    sections = [{f"Section {start // SECTION_SIZE:02d}": [topic(number) for number in range(start, min(pages, start + SECTION_SIZE))]} for start in range(0, pages, SECTION_SIZE)]
    briefings = {"Briefings": ["briefings/index.md"] + [briefing(number) for number in range(BRIEFINGS)]}
    return ["index.md", *sections, briefings, {"Reference": ["reference/glossary.md"]}]


def _project_files(out: Path, pages: int) -> None:
    write_config(out, project_settings(nav(pages), {"min_current": {"*": CORPUS_MIN_CURRENT}}))
    shutil.copytree(REPO / "docs" / "assets", out / "docs" / "assets")
    shutil.copytree(REPO / "i18n", out / "i18n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=1000, help="English topic pages (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = generate(args.out, args.pages, args.seed)
    print(f"{args.out}: {counts}")


if __name__ == "__main__":
    main()
