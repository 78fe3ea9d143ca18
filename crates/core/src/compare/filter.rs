//! Keeping a comparison to what differs: the pairs that changed, or only the
//! differences of some kinds, for a reader of a long, nearly identical pair.

use super::{Comparison, DifferenceKind};
use crate::error::{Error, Result};

/// Every kind, in the order the contract lists them.
const KINDS: [DifferenceKind; 5] = [
    DifferenceKind::Quote,
    DifferenceKind::Number,
    DifferenceKind::Date,
    DifferenceKind::Entity,
    DifferenceKind::Wording,
];

impl DifferenceKind {
    /// Reads a comma-separated list of kinds as the contract spells them
    /// ("quote,number"); an unknown name is refused with the names there are.
    ///
    /// ```
    /// use claimdesk_core::compare::DifferenceKind;
    /// assert_eq!(DifferenceKind::parse_list("quote, number").unwrap(),
    ///            [DifferenceKind::Quote, DifferenceKind::Number]);
    /// assert!(DifferenceKind::parse_list("quotes").is_err());
    /// ```
    pub fn parse_list(list: &str) -> Result<Vec<DifferenceKind>> {
        let mut out = Vec::new();
        for name in list.split(',').map(str::trim) {
            let kind = KINDS.into_iter().find(|k| k.as_str() == name).ok_or_else(|| {
                let names: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
                Error::invalid(format!(
                    "{name:?} is not a kind of difference; use one or more of {}, separated by commas",
                    names.join(", ")
                ))
            })?;
            if !out.contains(&kind) {
                out.push(kind);
            }
        }
        Ok(out)
    }
}

/// What to keep of a comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShowOnly {
    /// Drop the pairs whose two sentences say the same.
    pub changes: bool,
    /// When not empty: keep only the pairs with a difference of these kinds,
    /// and of their differences only those; sentences one side lacks go too,
    /// since they are no difference of a kind.
    pub kinds: Vec<DifferenceKind>,
}

impl<'a> Comparison<'a> {
    /// The comparison with only what `show` keeps, in the same order.
    ///
    /// ```
    /// use claimdesk_core::compare::{compare_texts, CompareOptions, DifferenceKind, ShowOnly};
    /// let c = compare_texts(
    ///     "Talks lasted five hours. Ortiz left early. Rain fell.",
    ///     "Talks lasted four hours. Ortiz left early.",
    ///     &CompareOptions::default(),
    /// );
    /// let changed = c.keep(&ShowOnly { changes: true, ..ShowOnly::default() });
    /// assert_eq!((changed.pairs.len(), changed.left_only.len()), (1, 1));
    /// let numbers = c.keep(&ShowOnly { kinds: vec![DifferenceKind::Number], ..ShowOnly::default() });
    /// assert_eq!((numbers.pairs.len(), numbers.left_only.len()), (1, 0));
    /// ```
    pub fn keep(&self, show: &ShowOnly) -> Comparison<'a> {
        let by_kind = !show.kinds.is_empty();
        let pairs = self
            .pairs
            .iter()
            .filter_map(|p| {
                let mut p = p.clone();
                if by_kind {
                    p.differences.retain(|d| show.kinds.contains(&d.kind));
                }
                let keep = if by_kind || show.changes {
                    !p.differences.is_empty()
                } else {
                    true
                };
                keep.then_some(p)
            })
            .collect();
        Comparison {
            pairs,
            left_only: if by_kind {
                Vec::new()
            } else {
                self.left_only.clone()
            },
            right_only: if by_kind {
                Vec::new()
            } else {
                self.right_only.clone()
            },
        }
    }
}
