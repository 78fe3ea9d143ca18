//! Who is quoted: the speaker's words of each cue read as a name ("Yury
//! Ushakov", "Mr Ushakov"), a pronoun ("he") or a role ("the Kremlin aide"),
//! and pronouns and roles resolved to the nearest compatible person the
//! article names. Words that name nobody ("a senior official", "sources")
//! leave the quotation without a speaker: no name is ever guessed.

use crate::text::tokens::{self, Word};

/// How a cue's speaker words refer to someone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// A name: its words as written, titles dropped ("Yury", "Ushakov").
    Name(Vec<String>),
    /// "he" or "she".
    Pronoun(Gender),
    /// A definite role ("the Kremlin aide"): its head noun, lowercase ("aide").
    Role(String),
    /// Words that name no one the text identifies.
    Nobody,
}

/// What a pronoun or a title says of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// "he", "Mr", "spokesman".
    Male,
    /// "she", "Ms", "spokeswoman".
    Female,
}

/// Titles written before a name; not part of it, but they may say a role or gender.
const TITLES: &[&str] = &[
    "ambassador",
    "chancellor",
    "dr",
    "foreign",
    "gen",
    "governor",
    "mayor",
    "minister",
    "miss",
    "mr",
    "mrs",
    "ms",
    "president",
    "prime",
    "prof",
    "sen",
    "senator",
    "sir",
    "spokesman",
    "spokeswoman",
    "vice",
];

/// Nouns that say what someone is, so that "the aide" can find the person
/// introduced as "Kremlin aide Yury Ushakov".
const ROLES: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "captain",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "commander",
    "diplomat",
    "director",
    "economist",
    "envoy",
    "general",
    "governor",
    "head",
    "leader",
    "mayor",
    "minister",
    "negotiator",
    "official",
    "premier",
    "president",
    "professor",
    "prosecutor",
    "secretary",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

fn is_title(lower: &str) -> bool {
    TITLES.binary_search(&lower).is_ok()
}

/// True for a noun that names a role ("aide", "spokesman").
pub fn is_role(lower: &str) -> bool {
    ROLES.binary_search(&lower).is_ok()
}

fn gender_of(lower: &str) -> Option<Gender> {
    match lower {
        "mr" | "sir" | "spokesman" | "chairman" | "he" => Some(Gender::Male),
        "ms" | "mrs" | "miss" | "spokeswoman" | "chairwoman" | "she" => Some(Gender::Female),
        _ => None,
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A name found in a run of words: its words (titles dropped), the roles and
/// gender its titles and neighbours say, and its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    /// The name's words as written ("Yury", "Ushakov").
    pub words: Vec<String>,
    /// Role nouns that come with it ("aide", "minister").
    pub roles: Vec<String>,
    /// What a title says of the person, if anything.
    pub gender: Option<Gender>,
    /// True when a title or role noun comes right before the name ("Mr", "Kremlin aide").
    pub titled: bool,
    /// Byte offset of the name in the text the words came from.
    pub start: usize,
}

/// The names of `text` (runs of capitalised words, titles dropped, leading
/// function words dropped), each with the roles its titles, a role noun just
/// before it ("Kremlin aide Yury Ushakov") or an apposition after it
/// ("Ushakov, the Kremlin aide,") give. A name that only modifies a role noun
/// ("Kremlin aide") or owns something ("Putin's spokesman") is left out.
pub fn name_runs(text: &str) -> Vec<NameRun> {
    let words: Vec<Word<'_>> = tokens::words(text).collect();
    let lw: Vec<String> = words
        .iter()
        .map(|w| tokens::lowercase(w.text).into_owned())
        .collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_capitalised(words[i].text) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        while last + 1 < words.len()
            && is_capitalised(words[last + 1].text)
            && match &text[words[last].end..words[last + 1].start] {
                " " | "-" => true,
                // "J. Smith", "Dr. Ruiz"; not "Friday. On Tuesday", where a sentence ends.
                ". " => words[last].text.chars().count() == 1 || is_title(&lw[last]),
                _ => false,
            }
        {
            last += 1;
        }
        i = last + 1;
        let mut roles = Vec::new();
        let mut gender = None;
        let mut name = Vec::new();
        let mut name_start = None;
        // "Transport Minister Irena Vasko": the name starts after the last title or role.
        let after_title = (first..last)
            .rev()
            .find(|&k| is_title(&lw[k]) || is_role(&lw[k]))
            .map_or(first, |k| k + 1);
        for k in first..=last {
            let l = &lw[k];
            if k < after_title {
                if is_title(l) || is_role(l) {
                    if is_role(l) {
                        roles.push(l.clone());
                    }
                    gender = gender.or(gender_of(l));
                }
                continue;
            }
            if name.is_empty() && (tokens::is_stopword(l) || is_calendar_word(l)) {
                continue;
            }
            if name.is_empty() && is_title(l) {
                if is_role(l) {
                    roles.push(l.clone());
                }
                gender = gender.or(gender_of(l));
                continue;
            }
            name_start.get_or_insert(words[k].start);
            name.push(words[k].text.to_string());
        }
        let Some(start) = name_start else { continue };
        // "Aide says …" in a headline: a capitalised role noun names no one.
        if name.iter().all(|w| is_role(&tokens::lowercase(w))) {
            continue;
        }
        let last_word = &words[last];
        let possessive = tokens::strip_possessive(last_word.text).len() < last_word.text.len();
        let modifies_role = lw.get(last + 1).is_some_and(|l| {
            is_role(l) && !text[last_word.end..words[last + 1].start].contains(',')
        });
        if possessive || modifies_role {
            continue;
        }
        // A role noun right before: "Kremlin aide Yury Ushakov".
        if first > 0
            && is_role(&lw[first - 1])
            && text[words[first - 1].end..words[first].start] == *" "
        {
            roles.push(lw[first - 1].clone());
        }
        let titled = !roles.is_empty() || gender.is_some();
        // An apposition after: "Ushakov, the Kremlin aide," or "Ushakov, a Kremlin aide".
        if let Some(next) = words.get(last + 1)
            && text[last_word.end..next.start].trim() == ","
            && matches!(lw[last + 1].as_str(), "the" | "a" | "an")
        {
            let mut k = last + 2;
            while k < words.len() && k <= last + 6 {
                if text[words[k - 1].end..words[k].start].contains([',', '.', ';']) {
                    break;
                }
                if is_role(&lw[k]) {
                    roles.push(lw[k].clone());
                    gender = gender.or(gender_of(&lw[k]));
                }
                k += 1;
            }
        }
        runs.push(NameRun {
            words: name,
            roles,
            gender,
            titled,
            start,
        });
    }
    runs
}

/// True for a weekday or month name ("Tuesday", "March"), which opens a
/// sentence more often than it names a person.
fn is_calendar_word(lower: &str) -> bool {
    use crate::text::facts::dates::{MONTHS, WEEKDAYS};
    MONTHS.iter().any(|(m, _)| *m == lower) || WEEKDAYS.iter().any(|(d, _)| *d == lower)
}

/// The name among a cue's speaker words: the longest, the last of equals
/// ("Port authority spokesman Pavel Dorn" is Pavel Dorn, not Port).
pub fn speaker_name(phrase: &str) -> Option<NameRun> {
    // "Later she added": the pronoun is the subject; the capital is the sentence's.
    let last = tokens::words(phrase)
        .last()
        .map(|w| tokens::lowercase(w.text));
    if last.is_some_and(|w| w == "he" || w == "she") {
        return None;
    }
    name_runs(phrase)
        .into_iter()
        .rev()
        .max_by_key(|r| r.words.len())
}

/// How the speaker words `phrase` refer to someone.
///
/// ```
/// use claimdesk_core::quotes::speakers::{classify, Reference, Gender};
/// assert_eq!(classify("Kremlin aide Yury Ushakov"), Reference::Name(vec!["Yury".into(), "Ushakov".into()]));
/// assert_eq!(classify("he"), Reference::Pronoun(Gender::Male));
/// assert_eq!(classify("the Kremlin aide"), Reference::Role("aide".into()));
/// assert_eq!(classify("a senior official"), Reference::Nobody);
/// ```
pub fn classify(phrase: &str) -> Reference {
    if let Some(run) = speaker_name(phrase) {
        return Reference::Name(run.words);
    }
    let words: Vec<String> = tokens::words(phrase)
        .map(|w| tokens::lowercase(w.text).into_owned())
        .collect();
    match words.as_slice() {
        // "he", and "later she" / "then he" at a sentence start.
        [one] | [_, one] if one == "he" => return Reference::Pronoun(Gender::Male),
        [one] | [_, one] if one == "she" => return Reference::Pronoun(Gender::Female),
        _ => {}
    }
    // Definite: "the aide", or a possessive such as "Russia's foreign minister".
    let definite = words.first().is_some_and(|w| w == "the")
        || phrase
            .split_whitespace()
            .next()
            .is_some_and(|w| tokens::strip_possessive(w).len() < w.len() && is_capitalised(w));
    match words.iter().rev().find(|w| is_role(w)) {
        Some(role) if definite => Reference::Role(role.clone()),
        _ => Reference::Nobody,
    }
}

/// The people one article names, and where it mentions them.
#[derive(Debug, Default)]
pub struct People {
    persons: Vec<Person>,
    /// (byte offset, person) of each mention, in text order.
    mentions: Vec<(usize, usize)>,
}

#[derive(Debug)]
struct Person {
    /// The fullest form of the name seen ("Yury Ushakov").
    display: Vec<String>,
    /// The last word of the name, lowercase, no possessive: how mentions find the person.
    surname: String,
    roles: Vec<String>,
    gender: Option<Gender>,
}

fn surname_of(words: &[String]) -> String {
    words
        .last()
        .map(|w| tokens::lowercase_without_possessive(w).into_owned())
        .unwrap_or_default()
}

impl People {
    /// The persons of an article: the named speakers (`speaker_names`, with
    /// their byte offsets) and every name the narrative (`narrative`, pieces of
    /// text outside quotations with their offsets) gives a title or role;
    /// then every mention of them in the narrative.
    pub fn of(speaker_names: &[(usize, NameRun)], narrative: &[(usize, &str)]) -> People {
        let mut people = People::default();
        let runs: Vec<(usize, NameRun)> = narrative
            .iter()
            .flat_map(|&(at, piece)| name_runs(piece).into_iter().map(move |r| (at + r.start, r)))
            .collect();
        for (_, run) in speaker_names {
            people.person(run);
        }
        for (_, run) in &runs {
            // One capitalised word with an apposition may just open a sentence
            // ("Earlier, the mayor …"); a person needs two words or a title.
            if run.titled || (run.words.len() >= 2 && !run.roles.is_empty()) {
                people.person(run);
            }
        }
        // Roles and titles given anywhere attach to the person of that surname.
        for (_, run) in &runs {
            if let Some(p) = people.find(&run.words) {
                if run.words.len() > people.persons[p].display.len() {
                    people.persons[p].display = run.words.clone();
                }
                for role in &run.roles {
                    if !people.persons[p].roles.contains(role) {
                        people.persons[p].roles.push(role.clone());
                    }
                }
                people.persons[p].gender = people.persons[p].gender.or(run.gender);
            }
        }
        for (at, run) in runs.iter().chain(speaker_names) {
            if let Some(p) = people.find(&run.words) {
                people.mentions.push((*at, p));
            }
        }
        people.mentions.sort_unstable();
        people.mentions.dedup();
        people
    }

    fn find(&self, words: &[String]) -> Option<usize> {
        let surname = surname_of(words);
        self.persons.iter().position(|p| p.surname == surname)
    }

    fn person(&mut self, run: &NameRun) -> usize {
        match self.find(&run.words) {
            Some(p) => {
                let person = &mut self.persons[p];
                if run.words.len() > person.display.len() {
                    person.display = run.words.clone();
                }
                for role in &run.roles {
                    if !person.roles.contains(role) {
                        person.roles.push(role.clone());
                    }
                }
                person.gender = person.gender.or(run.gender);
                p
            }
            None => {
                self.persons.push(Person {
                    display: run.words.clone(),
                    surname: surname_of(&run.words),
                    roles: run.roles.clone(),
                    gender: run.gender,
                });
                self.persons.len() - 1
            }
        }
    }

    /// The person `reference`, written at byte `at`, refers to, by display name.
    /// A pronoun goes to the nearest person mentioned before it whose gender
    /// does not contradict it; a role to the nearest person before it with
    /// that role, else the only person of the article with it.
    pub fn resolve(&mut self, reference: &Reference, at: usize) -> Option<String> {
        let p = match reference {
            Reference::Name(words) => self.find(words),
            Reference::Pronoun(gender) => {
                let p = self.before(at, |p| p.gender.is_none_or(|g| g == *gender))?;
                self.persons[p].gender = Some(*gender);
                Some(p)
            }
            Reference::Role(role) => self.before(at, |p| p.roles.contains(role)).or_else(|| {
                let mut with_role = self
                    .persons
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.roles.contains(role));
                match (with_role.next(), with_role.next()) {
                    (Some((p, _)), None) => Some(p),
                    _ => None,
                }
            }),
            Reference::Nobody => None,
        }?;
        Some(self.persons[p].display.join(" "))
    }

    fn before(&self, at: usize, fits: impl Fn(&Person) -> bool) -> Option<usize> {
        let upto = self.mentions.partition_point(|&(m, _)| m < at);
        self.mentions[..upto]
            .iter()
            .rev()
            .map(|&(_, p)| p)
            .find(|&p| fits(&self.persons[p]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [TITLES, ROLES] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, list);
        }
    }

    #[test]
    fn names_drop_titles_and_keep_roles() {
        let runs = name_runs(
            "Foreign Minister Sergei Lavrov met Mr Ushakov, the Kremlin aide, and Putin's spokesman.",
        );
        let names: Vec<_> = runs.iter().map(|r| r.words.join(" ")).collect();
        assert_eq!(names, ["Sergei Lavrov", "Ushakov"]);
        assert_eq!(runs[0].roles, ["minister"]);
        assert_eq!(runs[1].roles, ["aide"]);
        assert_eq!(runs[1].gender, Some(Gender::Male));
    }

    #[test]
    fn a_pronoun_goes_to_the_nearest_compatible_person() {
        let text = "Ms Ortiz met Ushakov on Tuesday.";
        let mut people = People::of(&[], &[(0, text)]);
        // Ortiz is a woman (Ms); Ushakov's gender is not known, so "she" cannot go to him
        // only if he has been called "he" before.
        assert_eq!(people.resolve(&Reference::Pronoun(Gender::Male), 40), None);
        let text = "Ms Ortiz met Kremlin aide Yury Ushakov on Tuesday.";
        let mut people = People::of(&[], &[(0, text)]);
        assert_eq!(
            people
                .resolve(&Reference::Pronoun(Gender::Male), 60)
                .as_deref(),
            Some("Yury Ushakov")
        );
        assert_eq!(
            people
                .resolve(&Reference::Pronoun(Gender::Female), 60)
                .as_deref(),
            Some("Ortiz")
        );
    }

    #[test]
    fn a_role_goes_to_the_person_introduced_with_it() {
        let text = "Kremlin aide Yury Ushakov met Dmitry Peskov, the spokesman.";
        let mut people = People::of(&[], &[(0, text)]);
        assert_eq!(
            people
                .resolve(&Reference::Role("aide".into()), 70)
                .as_deref(),
            Some("Yury Ushakov")
        );
        assert_eq!(
            people
                .resolve(&Reference::Role("spokesman".into()), 70)
                .as_deref(),
            Some("Dmitry Peskov")
        );
        assert_eq!(people.resolve(&Reference::Role("envoy".into()), 70), None);
    }
}
