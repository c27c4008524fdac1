//! A payslip's lines kept as text in a posted payslip, so it prints later exactly as it was
//! computed whatever rates or structures change after: one line per row,
//! `group<TAB>key<TAB>amount<TAB>name=kind:value…`.
use super::run::{Arg, Group, Line};

/// Every line a payslip can have; a stored key outside this list is not shown.
pub const LINE_KEYS: &[&str] = &[
    "pay.line.basic",
    "pay.line.fixed",
    "pay.line.unpaid",
    "pay.line.meal",
    "pay.line.transport",
    "pay.line.overtime",
    "pay.line.overtime_floor",
    "pay.line.thr",
    "pay.line.adjustment",
    "pay.line.kes_employee",
    "pay.line.jht_employee",
    "pay.line.jp_employee",
    "pay.line.jp_ended",
    "pay.line.loan",
    "pay.line.coop",
    "pay.line.zakat",
    "pay.line.tax",
    "pay.line.tax_ter",
    "pay.line.tax_refund",
    "pay.line.rounding",
    "pay.line.rounding_carry",
    "pay.line.kes_employer",
    "pay.line.jht_employer",
    "pay.line.jp_employer",
    "pay.line.jkk",
    "pay.line.jkm",
    "pay.line.benefits",
    "pay.line.annual_gross",
    "pay.line.position_cost",
    "pay.line.contributions",
    "pay.line.zakat_year",
    "pay.line.ptkp",
    "pay.line.pkp",
];

/// Names an explanation may fill in.
const ARG_NAMES: &[&str] = &[
    "days", "total", "n", "rate", "time", "wage", "divisor", "months", "note", "base", "status", "annual", "withheld", "category", "age",
    "pension",
];

const GROUPS: &[(Group, &str)] = &[(Group::Earning, "e"), (Group::Deduction, "d"), (Group::Employer, "r"), (Group::Info, "i")];

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

pub fn lines_text(lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines {
        let g = GROUPS.iter().find(|(g, _)| *g == l.group).map_or("i", |(_, c)| c);
        out.push_str(&format!("{g}\t{}\t{}", l.key, l.amount));
        for (name, arg) in &l.how {
            let v = match arg {
                Arg::Money(v) => format!("m:{v}"),
                Arg::Count(v) => format!("n:{v}"),
                Arg::Percent(v) => format!("p:{v}"),
                Arg::Minutes(v) => format!("h:{v}"),
                Arg::HalfDays(v) => format!("d:{v}"),
                Arg::Text(t) => format!("t:{}", clean(t)),
            };
            out.push_str(&format!("\t{name}={v}"));
        }
        out.push('\n');
    }
    out
}

pub fn parse_lines(text: &str) -> Vec<Line> {
    text.lines()
        .filter_map(|row| {
            let mut parts = row.split('\t');
            let g = parts.next()?;
            let group = GROUPS.iter().find(|(_, c)| *c == g)?.0;
            let key = parts.next().and_then(|k| LINE_KEYS.iter().find(|x| **x == k))?;
            let amount = parts.next()?.parse().ok()?;
            let how = parts
                .filter_map(|p| {
                    let (name, v) = p.split_once('=')?;
                    let name = ARG_NAMES.iter().find(|n| **n == name)?;
                    let (kind, v) = v.split_once(':')?;
                    let arg = match kind {
                        "m" => Arg::Money(v.parse().ok()?),
                        "n" => Arg::Count(v.parse().ok()?),
                        "p" => Arg::Percent(v.parse().ok()?),
                        "h" => Arg::Minutes(v.parse().ok()?),
                        "d" => Arg::HalfDays(v.parse().ok()?),
                        "t" => Arg::Text(v.to_string()),
                        _ => return None,
                    };
                    Some((*name, arg))
                })
                .collect();
            Some(Line { group, key, amount, how })
        })
        .collect()
}
