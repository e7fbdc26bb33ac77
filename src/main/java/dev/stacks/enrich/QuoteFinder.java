package dev.stacks.enrich;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds direct quotations and who said them.
 *
 * <p>Quotes are delimited by straight or curly double marks or guillemets; a quote that is still
 * open at the end of a paragraph continues when the next paragraph opens with a quote mark (the
 * newspaper convention for quotes that span paragraphs). Quotes shorter than three words are
 * nicknames or scare quotes ("El Mencho", "great development") and are not kept.
 *
 * <p>The speaker is the actor the sentence names: after the quote ({@code "…," said X},
 * {@code "…," said Dr. X}, {@code "…," X said}, {@code according to X}) or before it
 * ({@code X said: "…"}, {@code X warned that "…"}, {@code X found it had "…"}, taking the nearest
 * person before the verb outside a ", who …," clause). A role ("the judge wrote", "said the
 * president") refers to the person named with that title or role; a pronoun ("he said", "She
 * added that …") to the last person who spoke before it whose given name fits the pronoun, unless a
 * later sentence is about another person who fits, or else to the last person named. A paragraph
 * that is only a quotation continues the last speaker of the paragraph before. When the text does
 * not say, the speaker is null.
 */
final class QuoteFinder {

    private static final int MIN_WORDS = 3;
    private static final int MAX_CHARS = 4000;
    /** A line break and the mark that reopens a quotation on the next paragraph; compiled once, used per quote. */
    private static final Pattern REOPENED = Pattern.compile("\\n\\s*[\"“«„]");
    private static final Set<String> MALE = Set.of("he", "him");
    private static final Set<String> FEMALE = Set.of("she", "her");
    private static final Set<String> SKIPPABLE = Set.of("the", "a", "an", "former", "then", "its", "his", "her", "their");
    /** Verbs that introduce a written or judged quotation ("found that it had 'knowingly and repeatedly' failed"). */
    private static final Set<String> WRITTEN_VERBS = Set.of("found", "ruled", "decided", "held", "concluded", "wrote",
            "noted", "described", "dismissed", "labelled", "labeled", "branded", "termed", "dubbed");

    /** Opening and closing mark offsets; {@code first} is the earlier span of a merged quotation. */
    private record Raw(int open, int close, Raw first) {
        Raw(int open, int close) {
            this(open, close, null);
        }
    }

    private final NameLexicon lexicon;

    QuoteFinder(NameLexicon lexicon) {
        this.lexicon = lexicon;
    }

    private record Event(int position, ActorFinder.Entity speaker) {
    }

    List<Quote> find(Tokens t, ActorFinder.Result actors) {
        List<Raw> raws = scan(t.text);
        if (raws.isEmpty()) {
            return List.of();
        }
        BitSet inQuote = new BitSet(t.size());
        List<Raw> kept = new ArrayList<>();
        for (Raw r : raws) {
            int words = countWords(t.text, r.open() + 1, r.close());
            if (words >= MIN_WORDS) {
                kept.add(r);
                inQuote.set(t.indexAt(r.open() + 1), t.indexAt(r.close()));
            }
        }
        List<ActorFinder.Mention> mentions = actors.mentions();
        List<Event> events = speechEvents(t, mentions, inQuote);
        List<Raw> raw = new ArrayList<>(kept.size());
        List<ActorFinder.Entity> speakers = new ArrayList<>(kept.size());
        for (Raw r : kept) {
            int openIdx = t.indexAt(r.open());
            int closeIdx = t.indexAt(r.close());
            ActorFinder.Entity speaker = after(t, closeIdx, mentions, events, inQuote);
            if (speaker == null) {
                speaker = before(t, openIdx, mentions, events, inQuote);
            }
            if (speaker == null && continuesParagraph(t, openIdx, closeIdx)) {
                speaker = lastSpeakerBefore(t, openIdx, events);
            }
            if (speaker != null && speaker.root().type != ActorType.PERSON) {
                speaker = null; // an organisation's words: the speaker is nobody in particular
            }
            if (speaker != null) {
                events.add(new Event(r.open(), speaker));
                events.sort((a, b) -> Integer.compare(a.position(), b.position()));
            }
            // "…," said X. "…": spans of one speaker in one paragraph are one quotation
            int last = raw.size() - 1;
            if (last >= 0 && speakers.get(last) != null && (speaker == null || speaker.root() == speakers.get(last).root())
                    && sameParagraph(t.text, raw.get(last).close(), r.open()) && r.open() - raw.get(last).close() <= 100
                    && speechVerbs(t, t.indexAt(raw.get(last).close()), openIdx) <= 1) {
                raw.set(last, new Raw(r.open(), r.close(), raw.get(last)));
                continue;
            }
            raw.add(r);
            speakers.add(speaker);
        }
        List<Quote> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(quote(t.text, raw.get(i), speakers.get(i)));
        }
        return out;
    }

    /** Speech verbs between two tokens: "…," said X. "…" has one; "…," X said. A spokesman said: "…" has two. */
    private static int speechVerbs(Tokens t, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (t.isLower(k) && (ActorFinder.SPEECH_VERBS.contains(t.key(k)) || WRITTEN_VERBS.contains(t.key(k)))) {
                n++;
            }
        }
        return n;
    }

    /** A quotation that is a paragraph of its own, with no attribution inside it. */
    private static boolean continuesParagraph(Tokens t, int openIdx, int closeIdx) {
        return t.paragraphStart(openIdx) && openIdx > 0 && (closeIdx + 1 >= t.size() || t.paragraphStart(closeIdx + 1));
    }

    /**
     * The person who spoke last in the paragraph before ("She said she was not trying to oppose …"
     * then a paragraph that is only a quotation): by newspaper convention the quotation is theirs.
     */
    private static ActorFinder.Entity lastSpeakerBefore(Tokens t, int openIdx, List<Event> events) {
        int previous = openIdx - 1;
        while (previous > 0 && !t.paragraphStart(previous)) {
            previous--;
        }
        ActorFinder.Entity speaker = null;
        for (Event e : events) {
            if (e.position() >= t.start(openIdx)) {
                break;
            }
            if (e.position() >= t.start(previous)) {
                speaker = e.speaker().root();
            }
        }
        return speaker;
    }

    private static boolean sameParagraph(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                int j = i + 1;
                while (j < to && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                    j++;
                }
                if (j < to && s.charAt(j) == '\n' || j - i - 1 >= 2) {
                    return false;
                }
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ finding the marks

    private static boolean opens(String s, int i) {
        char c = s.charAt(i);
        if (c == '“' || c == '«' || c == '„') {
            return true;
        }
        if (c != '"') {
            return false;
        }
        if (i == 0) {
            return true;
        }
        char p = s.charAt(i - 1);
        return Character.isWhitespace(p) || "([{—–-:/".indexOf(p) >= 0;
    }

    private static boolean closes(String s, int i) {
        char c = s.charAt(i);
        return c == '”' || c == '»' || (c == '"' && !opens(s, i));
    }

    /** Pairs of opening/closing mark offsets, continuing across paragraphs that reopen the quote. */
    private static List<Raw> scan(String s) {
        List<Raw> out = new ArrayList<>();
        int open = -1;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' && open >= 0) {
                int j = i + 1;
                boolean blank = false;
                while (j < n && Character.isWhitespace(s.charAt(j))) {
                    if (s.charAt(j) == '\n') {
                        blank = true;
                    }
                    j++;
                }
                if (blank || (j - i - 1 >= 2)) {
                    // a new paragraph: the quote goes on only if it reopens
                    if (j < n && "\"“«„".indexOf(s.charAt(j)) >= 0) {
                        i = j; // skip the reopening mark
                        continue;
                    }
                    open = -1;
                }
                continue;
            }
            if (c != '"' && c != '“' && c != '”' && c != '«' && c != '»' && c != '„') {
                continue;
            }
            if (open < 0) {
                if (opens(s, i)) {
                    open = i;
                }
            } else if (closes(s, i)) {
                if (i - open <= MAX_CHARS) {
                    out.add(new Raw(open, i));
                }
                open = -1;
            } else if (opens(s, i)) {
                open = i; // an unbalanced mark: start again here
            }
        }
        return out;
    }

    private static int countWords(String s, int from, int to) {
        int words = 0;
        boolean in = false;
        for (int i = from; i < to; i++) {
            boolean letter = Character.isLetterOrDigit(s.charAt(i));
            if (letter && !in) {
                words++;
            }
            in = letter;
        }
        return words;
    }

    private static Quote quote(String s, Raw r, ActorFinder.Entity speaker) {
        StringBuilder text = new StringBuilder();
        List<Raw> parts = new ArrayList<>();
        for (Raw p = r; p != null; p = p.first()) {
            parts.add(0, p);
        }
        // a merged quotation runs from the first span's opening to the last span's closing mark
        int start = parts.get(0).open() + 1;
        int end = r.close();
        for (Raw p : parts) {
            int a = p.open() + 1;
            String part = s.substring(a, Math.max(a, p.close())).strip();
            while (part.endsWith(",")) {
                part = part.substring(0, part.length() - 1).stripTrailing();
            }
            text.append(' ').append(part);
        }
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && (Character.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == ',')) {
            end--;
        }
        String clean = Fold.WHITESPACE.matcher(REOPENED.matcher(text).replaceAll("\n")).replaceAll(" ").strip();
        while (clean.endsWith(",")) {
            clean = clean.substring(0, clean.length() - 1).stripTrailing();
        }
        return new Quote(clean, speaker == null ? null : speaker.root().name, start, end);
    }


    // ------------------------------------------------------------------ speakers

    /** "…," said X / "…," X said / "…," he said / "…," according to X. */
    private ActorFinder.Entity after(Tokens t, int closeIdx, List<ActorFinder.Mention> mentions, List<Event> events,
                                     BitSet inQuote) {
        int n = t.size();
        int k = closeIdx + 1;
        while (k < n && (t.isPunct(k, ',') || t.isPunct(k, '—') || t.isPunct(k, '-'))) {
            k++;
        }
        if (k >= n || t.paragraphStart(k) || t.isPunct(k, '.') || t.isPunct(k, '!') || t.isPunct(k, '?')) {
            return null; // the quote ended its sentence: the next sentence is about something else
        }
        String key = t.key(k);
        if (t.isLower(k) && ActorFinder.SPEECH_VERBS.contains(key)) {
            int m = k + 1;
            if (m < n && (MALE.contains(t.key(m)) || FEMALE.contains(t.key(m)))) {
                return pronoun(t, m, mentions, events, inQuote);
            }
            for (int j = m; j < Math.min(n, m + 9); j++) {
                ActorFinder.Mention at = mentionAt(mentions, j);
                if (at != null) {
                    if (at.actor().type == ActorType.PERSON) {
                        return at.actor();
                    }
                    j = at.to() - 1; // "said Barclays de Zoete Wedd analyst Rick May": the employer, then the person
                    continue;
                }
                if (t.isPunct(j, '.') && j > m && t.isCapitalized(j - 1) && isRole(t, j - 1)) {
                    continue; // "said Dr. Léa Fontaine"
                }
                if (t.isPunct(j, '(')) {
                    int close = j + 1;
                    while (close < n && close - j <= 4 && !t.isPunct(close, ')')) {
                        close++;
                    }
                    if (close < n && t.isPunct(close, ')')) {
                        j = close; // "said Jardine Fleming (Securities) Ltd analyst Nick Edwards"
                        continue;
                    }
                }
                if (!(t.isLower(j) && SKIPPABLE.contains(t.key(j))) && !t.isCapitalized(j) && !(t.isLower(j) && isRole(t, j))) {
                    break;
                }
            }
            return role(t, m, mentions); // "…," said the judge
        }
        if (key.equals("the") && t.isLower(k)) {
            // "…," the judge said
            int r = k + 1;
            while (r < n && t.isLower(r) && isRole(t, r)) {
                r++;
            }
            if (r > k + 1 && r < n && ActorFinder.SPEECH_VERBS.contains(t.key(r))) {
                return role(t, k, mentions);
            }
        }
        if (key.equals("according") && k + 1 < n && t.key(k + 1).equals("to")) {
            ActorFinder.Mention at = firstMentionFrom(t, mentions, k + 2, 5);
            return at == null ? null : at.actor();
        }
        if ((MALE.contains(key) || FEMALE.contains(key)) && k + 1 < n && ActorFinder.SPEECH_VERBS.contains(t.key(k + 1))) {
            return pronoun(t, k, mentions, events, inQuote);
        }
        // "…," X said / "…," Jardine Fleming's Edwards said: the mention right before the verb
        for (ActorFinder.Mention at : mentions) {
            if (at.from() >= k + 6) {
                break;
            }
            if (at.from() >= k && at.to() < n && ActorFinder.SPEECH_VERBS.contains(t.key(at.to()))) {
                return at.actor();
            }
        }
        return null;
    }

    private boolean isRole(Tokens t, int j) {
        return lexicon.word(t, j).isTitleWord();
    }

    /**
     * "the judge said", "said the president": the person named before with that title or role
     * ("Judge Helen Marsh", "President Rodrigo Ferreira Benítez", "X, the president of …"), the most
     * recent one first. Null when the words at {@code k} are not "the" and a role, or when nobody named
     * had that role: an unnamed spokesman stays unnamed.
     */
    private ActorFinder.Entity role(Tokens t, int k, List<ActorFinder.Mention> mentions) {
        int n = t.size();
        if (k >= n || !t.key(k).equals("the")) {
            return null;
        }
        int r = k + 1;
        String head = null;
        while (r < n && t.isLower(r) && isRole(t, r)) {
            if (lexicon.word(t, r).isTitleHead()) {
                head = t.key(r);
            }
            r++;
        }
        if (head == null || r < n && t.isCapitalized(r)) {
            return null;
        }
        int pos = t.start(k);
        for (int i = mentions.size() - 1; i >= 0; i--) {
            ActorFinder.Mention m = mentions.get(i);
            if (m.start() < pos && m.actor().type == ActorType.PERSON
                    && (m.entity().roles.contains(head) || m.actor().roles.contains(head))) {
                return m.actor();
            }
        }
        return null;
    }

    /** X said: "…" / X warned that "…" / He added that "…": the speaker named before the quote. */
    private ActorFinder.Entity before(Tokens t, int openIdx, List<ActorFinder.Mention> mentions, List<Event> events,
                                      BitSet inQuote) {
        if (t.paragraphStart(openIdx)) {
            return null; // a paragraph that opens with a quote says who after it, or not at all
        }
        int sentence = sentenceStart(t, openIdx, inQuote);
        int verb = -1;
        for (int k = openIdx - 1; k >= sentence; k--) {
            if (inQuote.get(k)) {
                continue;
            }
            if (t.isLower(k) && (ActorFinder.SPEECH_VERBS.contains(t.key(k)) || WRITTEN_VERBS.contains(t.key(k)))) {
                verb = k;
                break;
            }
            if (t.key(k).equals("according") && k + 1 < openIdx && t.key(k + 1).equals("to")) {
                ActorFinder.Mention at = firstMentionFrom(t, mentions, k + 2, 5);
                if (at != null && at.actor().type == ActorType.PERSON) {
                    return at.actor(); // "according to Statistics Norway (SSB)" names a source, not a speaker
                }
            }
        }
        int limit = verb >= 0 ? verb : (endsWithColon(t, openIdx) ? openIdx : -1);
        if (limit < 0) {
            return null;
        }
        BitSet clause = relativeClauses(t, sentence, limit);
        ActorFinder.Entity org = null;
        for (int k = limit - 1; k >= sentence; k--) {
            if (inQuote.get(k) || clause.get(k)) {
                continue; // "Gustavo Ferreyra, who handed Godoy his debut, called the sale …": not Godoy
            }
            ActorFinder.Mention at = mentionEndingAt(mentions, k);
            if (at != null) {
                if (at.actor().type == ActorType.PERSON) {
                    return at.actor();
                }
                if (org == null) {
                    org = at.actor();
                }
            }
            String key = t.key(k);
            if (key.equals("he") || key.equals("she")) {
                // a subject: "who worked under her" does not make her the speaker
                ActorFinder.Entity p = pronoun(t, k, mentions, events, inQuote);
                if (p != null) {
                    return p;
                }
            }
            if (key.equals("the") && org == null) {
                ActorFinder.Entity p = role(t, k, mentions); // "The judge wrote: …"
                if (p != null) {
                    return p;
                }
            }
        }
        return org;
    }

    /** Tokens inside ", who …," or ", which …," clauses between {@code from} and {@code to}. */
    private static BitSet relativeClauses(Tokens t, int from, int to) {
        BitSet clause = new BitSet();
        for (int k = from + 1; k < to; k++) {
            String key = t.key(k);
            if (t.isPunct(k - 1, ',') && (key.equals("who") || key.equals("which") || key.equals("whose") || key.equals("whom"))) {
                int e = k;
                while (e < to && !t.isPunct(e, ',')) {
                    e++;
                }
                clause.set(k, e);
                k = e;
            }
        }
        return clause;
    }

    private static boolean endsWithColon(Tokens t, int openIdx) {
        return openIdx > 0 && t.isPunct(openIdx - 1, ':');
    }

    private static int sentenceStart(Tokens t, int idx, BitSet inQuote) {
        for (int k = idx - 1; k >= 0; k--) {
            if (inQuote.get(k)) {
                continue;
            }
            if (t.paragraphStart(k) || (t.sentenceStart(k) && !(k > 0 && t.isPunct(k - 1, ':')))) {
                return k;
            }
        }
        return 0;
    }

    /** The person a "he" or "she" at token k refers to. */
    private ActorFinder.Entity pronoun(Tokens t, int k, List<ActorFinder.Mention> mentions, List<Event> events,
                                       BitSet inQuote) {
        char want = MALE.contains(t.key(k)) ? 'm' : 'f';
        int pos = t.start(k);
        // the subject of a sentence after the last speech ("… according to Richard Hale. He said …") comes first
        ActorFinder.Mention subject = null;
        for (int i = mentions.size() - 1; i >= 0; i--) {
            ActorFinder.Mention m = mentions.get(i);
            if (m.start() < pos && m.actor().type == ActorType.PERSON && !inQuote.get(m.from()) && fits(m.actor(), want)
                    && firstPersonOfSentence(t, m, mentions, i, inQuote)) {
                subject = m;
                break;
            }
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            Event e = events.get(i);
            if (e.position() < pos && fits(e.speaker().root(), want)) {
                if (subject != null && subject.start() > e.position() && subject.actor() != e.speaker().root()
                        && t.indexAt(subject.start()) > sentenceOf(t, t.indexAt(e.position()))) {
                    return subject.actor();
                }
                return e.speaker().root();
            }
        }
        for (int i = mentions.size() - 1; i >= 0; i--) {
            ActorFinder.Mention m = mentions.get(i);
            if (m.start() < pos && m.actor().type == ActorType.PERSON && fits(m.actor(), want)) {
                return m.actor();
            }
        }
        return null;
    }

    /** Mention i is the first person named in its sentence: its subject, most often. */
    private static boolean firstPersonOfSentence(Tokens t, ActorFinder.Mention m, List<ActorFinder.Mention> mentions, int i,
                                                 BitSet inQuote) {
        int sentence = sentenceOf(t, m.from());
        for (int j = i - 1; j >= 0; j--) {
            ActorFinder.Mention before = mentions.get(j);
            if (before.from() < sentence) {
                return true;
            }
            if (before.actor().type == ActorType.PERSON && !inQuote.get(before.from())) {
                return false;
            }
        }
        return true;
    }

    /** The first token of the sentence token k is in. */
    private static int sentenceOf(Tokens t, int k) {
        for (int i = Math.min(k, t.size() - 1); i > 0; i--) {
            if (t.sentenceStart(i) || t.paragraphStart(i)) {
                return i;
            }
        }
        return 0;
    }

    private static boolean fits(ActorFinder.Entity e, char want) {
        return e.type == ActorType.PERSON && (e.gender == 'u' || e.gender == want);
    }

    /** Sentences outside quotes where a person is the subject of a speech verb ("Saucedo cautioned"). */
    private List<Event> speechEvents(Tokens t, List<ActorFinder.Mention> mentions, BitSet inQuote) {
        List<Event> events = new ArrayList<>();
        int mi = 0;
        ActorFinder.Mention lastPerson = null;
        int lastSentence = -1;
        for (int k = 0; k < t.size(); k++) {
            if (t.sentenceStart(k) && !inQuote.get(k)) {
                lastPerson = null;
                lastSentence = k;
            }
            while (mi < mentions.size() && mentions.get(mi).to() <= k) {
                ActorFinder.Mention m = mentions.get(mi++);
                if (m.actor().type == ActorType.PERSON && !inQuote.get(m.from()) && m.from() >= lastSentence) {
                    lastPerson = m;
                }
            }
            if (inQuote.get(k) || !t.isLower(k) || !ActorFinder.SPEECH_VERBS.contains(t.key(k))) {
                continue;
            }
            if (k > 0 && (t.key(k - 1).equals("he") || t.key(k - 1).equals("she"))) {
                // "he added:": the pronoun is the subject, whoever else the sentence named before it
                ActorFinder.Entity p = pronoun(t, k - 1, mentions, events, inQuote);
                if (p != null) {
                    events.add(new Event(t.start(k), p));
                }
            } else if (lastPerson != null) {
                events.add(new Event(t.start(k), lastPerson.actor()));
            }
        }
        return events;
    }

    private static ActorFinder.Mention mentionAt(List<ActorFinder.Mention> mentions, int token) {
        for (ActorFinder.Mention m : mentions) {
            if (m.from() == token) {
                return m;
            }
            if (m.from() > token) {
                break;
            }
        }
        return null;
    }

    private static ActorFinder.Mention mentionEndingAt(List<ActorFinder.Mention> mentions, int token) {
        for (ActorFinder.Mention m : mentions) {
            if (m.to() - 1 == token) {
                return m;
            }
            if (m.from() > token) {
                break;
            }
        }
        return null;
    }

    private static ActorFinder.Mention firstMentionFrom(Tokens t, List<ActorFinder.Mention> mentions, int from, int window) {
        for (ActorFinder.Mention m : mentions) {
            if (m.from() >= from && m.from() < from + window) {
                return m;
            }
            if (m.from() >= from + window) {
                break;
            }
        }
        return null;
    }
}
