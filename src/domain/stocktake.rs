//! Stocktake: count what is on the shelves for a location or a category, compare with the
//! ledger, and post the differences as adjustments. Partial counts are fine: an item nobody
//! counted is left alone, not set to zero.
use crate::sort::sort_by;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::inventory::{Item, Stock, StockMove};
use super::record::{Entity, RecordRules};
use crate::domain::inventory::MoveKind;

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Count {
    pub item_id: String,
    /// As typed; empty means not counted yet.
    pub counted: String,
}

crate::record! {
    pub struct Stocktake in "stocktakes" {
        started: Option<chrono::NaiveDateTime> => DateTimeNow, "count.started" .required().listed().aliases(&["tanggal"]),
        location: String => Suggest("locations"), "count.location" .listed().aliases(&["lokasi"]),
        category: String => Suggest("categories"), "count.category" .listed().aliases(&["kategori"]),
        notes: String => Text, "count.notes" .aliases(&["catatan"]),
    }
    stored {
        /// Local date-time the variances were posted; empty while counting.
        posted: String,
        counts: Vec<Count>,
    }
}

impl RecordRules for Stocktake {
    fn title(&self) -> String {
        let started = self.started_text();
        [started.as_str(), self.location.as_str(), self.category.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// One counted item against the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct Variance {
    pub item_id: String,
    pub expected: i64,
    pub counted: i64,
    pub diff: i64,
}

impl Stocktake {
    /// When the count started, as its title and the adjustments' reason say it.
    pub fn started_text(&self) -> String {
        self.started.map(|t| super::dates::datetime_text(t).replace('T', " ")).unwrap_or_default()
    }

    /// Items this count covers, by code: active, in the category (if any), and kept at or
    /// holding stock in the location (if any).
    pub fn scope<'a>(&self, items: &'a [Item], stock: &Stock) -> Vec<&'a Item> {
        let (loc, cat) = (self.location.trim(), self.category.trim());
        let mut v: Vec<&Item> = items
            .iter()
            .filter(|i| i.is_active())
            .filter(|i| cat.is_empty() || i.category.trim().eq_ignore_ascii_case(cat))
            .filter(|i| loc.is_empty() || i.location.trim().eq_ignore_ascii_case(loc) || stock.at(&i.meta.id, loc) != 0)
            .collect();
        sort_by(&mut v, |a, b| crate::text::lower(&a.code).cmp(&crate::text::lower(&b.code)));
        v
    }

    /// What the ledger says should be there: at the location, or everywhere.
    pub fn expected(&self, item: &Item, stock: &Stock) -> i64 {
        match self.location.trim() {
            "" => stock.on_hand(&item.meta.id),
            loc => stock.at(&item.meta.id, loc),
        }
    }

    pub fn counted(&self, item_id: &str) -> Option<i64> {
        self.counts.iter().find(|c| c.item_id == item_id).and_then(|c| c.counted.trim().parse().ok())
    }

    /// Sets (or clears, with empty text) one item's count.
    pub fn set_count(&mut self, item_id: &str, text: &str) {
        match self.counts.iter_mut().find(|c| c.item_id == item_id) {
            Some(c) => c.counted = text.trim().to_string(),
            None => self.counts.push(Count { item_id: item_id.into(), counted: text.trim().to_string() }),
        }
        self.counts.retain(|c| !c.counted.is_empty());
    }

    /// Counts that are not a whole number of zero or more (item ids), so they can be shown.
    pub fn bad_counts(&self) -> Vec<String> {
        self.counts.iter().filter(|c| !c.counted.trim().parse::<i64>().is_ok_and(|n| n >= 0)).map(|c| c.item_id.clone()).collect()
    }

    /// Every counted item in scope, with its difference from the ledger.
    pub fn variances(&self, items: &[Item], stock: &Stock) -> Vec<Variance> {
        self.scope(items, stock)
            .into_iter()
            .filter_map(|i| {
                let counted = self.counted(&i.meta.id).filter(|n| *n >= 0)?;
                let expected = self.expected(i, stock);
                Some(Variance { item_id: i.meta.id.clone(), expected, counted, diff: counted - expected })
            })
            .collect()
    }

    /// The adjustments that make the ledger match the count; `reason` names the count.
    pub fn adjustments(&self, items: &[Item], stock: &Stock, at: NaiveDateTime, reason: &str, now: DateTime<Utc>) -> Vec<StockMove> {
        let by_id = |id: &str| items.iter().find(|i| i.meta.id == id);
        self.variances(items, stock)
            .into_iter()
            .filter(|v| v.diff != 0)
            .map(|v| {
                let mut m = StockMove::blank(now);
                m.kind = MoveKind::Adjust;
                m.item_id = v.item_id.clone();
                m.qty = Some(v.diff);
                m.location = match self.location.trim() {
                    "" => by_id(&v.item_id).map(|i| i.location.clone()).unwrap_or_default(),
                    loc => loc.to_string(),
                };
                m.reason = reason.to_string();
                m.at = Some(at);
                m
            })
            .collect()
    }
}
