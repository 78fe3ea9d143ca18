//! List items the sentence segmenter runs together or cuts apart: numbered,
//! lettered or bulleted items on one line ("1. The first item 2. The second
//! item", "⁃9. … ⁃10. …", "a. … b. …"), and a column of short unpunctuated lines
//! ("features\ncontact manager\nevents, activities").

/// A list marker as written: bullet, number or letter, and closing punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker<'a> {
    /// The bullet before the number or letter ("⁃", "•", or "" for none).
    bullet: &'a str,
    /// The item's number, or its letter as 1 for "a", 2 for "b" ...
    value: u32,
    /// True for a letter.
    letter: bool,
    /// What closes the marker: ".", ")" or ".)".
    close: &'a str,
    /// Length of the marker in bytes.
    len: usize,
}

const BULLETS: [&str; 5] = ["⁃", "•", "–", "-", "*"];

/// The marker that starts `s`, if any.
fn marker_at(s: &str) -> Option<Marker<'_>> {
    let bullet = BULLETS
        .iter()
        .copied()
        .find(|b| s.starts_with(b))
        .unwrap_or("");
    let after_bullet = &s[bullet.len()..];
    let body = if bullet.is_empty() {
        after_bullet
    } else {
        after_bullet.trim_start_matches(' ')
    };
    let skipped = s.len() - body.len();
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (value, letter, used) = if (1..=2).contains(&digits) {
        (body[..digits].parse().ok()?, false, digits)
    } else {
        let first = body.bytes().next()?;
        if !first.is_ascii_lowercase() {
            return None;
        }
        (u32::from(first - b'a') + 1, true, 1)
    };
    let rest = &body[used..];
    let close = [".)", ".", ")"].into_iter().find(|c| rest.starts_with(c))?;
    let len = skipped + used + close.len();
    // A marker stands alone: followed by a space or the end of the piece.
    let after = &s[len..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    Some(Marker {
        bullet,
        value,
        letter,
        close,
        len,
    })
}

impl Marker<'_> {
    /// True when `next` is the item that follows this one, written alike.
    fn followed_by(&self, next: &Marker<'_>) -> bool {
        next.bullet == self.bullet
            && next.letter == self.letter
            && next.close == self.close
            && next.value == self.value + 1
    }
}

/// Splits runs of spans on one line that form an inline list at each item's
/// marker, so that every item is one sentence with its marker in front.
pub(super) fn split_inline_lists(text: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        let (start, _) = spans[i];
        let Some(first) = marker_at(&text[start..]) else {
            out.push(spans[i]);
            i += 1;
            continue;
        };
        // The run: this span and those after it on the same line.
        let mut j = i + 1;
        while j < spans.len() && !text[spans[j - 1].1..spans[j].0].contains('\n') {
            j += 1;
        }
        let run = &spans[i..j];
        let cuts = item_cuts(text, run, first);
        if cuts.is_empty() {
            out.extend_from_slice(run);
        } else {
            out.extend(recut(text, run, &cuts));
        }
        i = j;
    }
    out
}

/// Where the items after the first begin, when the run holds at least one.
fn item_cuts(text: &str, run: &[(usize, usize)], first: Marker<'_>) -> Vec<usize> {
    let (start, end) = (run[0].0, run[run.len() - 1].1);
    let mut current = first;
    let mut cuts = Vec::new();
    let mut at = start + first.len;
    while at < end {
        let c = text[at..end].chars().next().map_or(1, char::len_utf8);
        let preceded_by_space = text[..at].ends_with([' ', '\t']);
        if preceded_by_space
            && let Some(m) = marker_at(&text[at..end])
            && current.followed_by(&m)
        {
            cuts.push(at);
            current = m;
            at += m.len;
            continue;
        }
        at += c;
    }
    cuts
}

/// The run's spans cut at `cuts`: the segmenter's own boundaries stay, except
/// those that cut a marker from its item.
fn recut(text: &str, run: &[(usize, usize)], cuts: &[usize]) -> Vec<(usize, usize)> {
    let mut bounds: Vec<usize> = cuts.to_vec();
    for w in run.windows(2) {
        let (prev, next) = (w[0], w[1]);
        let piece = &text[prev.0..prev.1];
        let is_marker_alone = marker_at(piece).is_some_and(|m| m.len == piece.len());
        let ends_at_a_cut = cuts.iter().any(|c| prev.0 < *c && *c < prev.1);
        let last_cut_in_piece = cuts.iter().rev().find(|c| prev.0 < **c && **c < prev.1);
        let marker_at_end = last_cut_in_piece
            .is_some_and(|c| marker_at(&text[*c..prev.1]).is_some_and(|m| c + m.len == prev.1));
        // A boundary that cuts a marker from its item goes.
        let cuts_a_marker_off = is_marker_alone || (ends_at_a_cut && marker_at_end);
        if !cuts_a_marker_off {
            bounds.push(next.0);
        }
    }
    bounds.sort_unstable();
    bounds.dedup();
    let (start, end) = (run[0].0, run[run.len() - 1].1);
    let mut out = Vec::with_capacity(bounds.len() + 1);
    let mut from = start;
    for b in bounds.into_iter().chain(std::iter::once(end)) {
        let piece = &text[from..b];
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            out.push((from + lead, from + lead + trimmed.len()));
        }
        from = b;
    }
    out
}

/// Most words a line may have to count as an item of an unpunctuated column.
const COLUMN_ITEM_WORDS: usize = 4;

/// Splits a span made of three or more short lines, none ending a sentence,
/// into one item per line: such a column is a list, not a wrapped sentence.
pub(super) fn split_line_columns(text: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        let piece = &text[start..end];
        let lines: Vec<&str> = piece.split('\n').collect();
        let is_column = lines.len() >= 3
            && !piece.ends_with(['.', '!', '?', '"', '”', ':', ';'])
            && lines.iter().all(|l| is_column_item(l));
        if !is_column {
            out.push((start, end));
            continue;
        }
        let mut from = start;
        for line in lines {
            let lead = line.len() - line.trim_start().len();
            let trimmed = line.trim();
            out.push((from + lead, from + lead + trimmed.len()));
            from += line.len() + 1;
        }
    }
    out
}

/// A short line of plain words ("contact manager", "events, activities"); markup,
/// numbers and sentence punctuation make it something else.
fn is_column_item(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=COLUMN_ITEM_WORDS).contains(&words)
        && line.trim_start().starts_with(char::is_alphabetic)
        && line
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\t' | ',' | '-' | '\'' | '’' | '&'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_read_with_their_bullet_and_closing_mark() {
        let m = marker_at("⁃10. The second item").expect("a marker");
        assert_eq!(
            (m.bullet, m.value, m.letter, m.close),
            ("⁃", 10, false, ".")
        );
        let m = marker_at("b. The second item").expect("a marker");
        assert_eq!((m.value, m.letter), (2, true));
        assert!(marker_at("2.5 percent").is_none());
        assert!(marker_at("A. Smith said").is_none());
    }
}
