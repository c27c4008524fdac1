//! The important reasons for paid leave: named on a leave request and in the settings that
//! give their days.

/// Sorted by key.
#[rustfmt::skip]
pub const STRINGS: &str = table![
    ("leave.why", "Alasan penting", "Important reason"),
    ("leave.why.birth", "Istri melahirkan atau keguguran", "Wife gives birth or miscarries"),
    ("leave.why.child_marriage", "Menikahkan anak", "Child's wedding"),
    ("leave.why.child_rite", "Mengkhitankan atau membaptiskan anak", "Child's circumcision or baptism"),
    ("leave.why.death", "Suami/istri, orang tua/mertua, anak/menantu meninggal", "Death of a spouse, parent or parent-in-law, child or child-in-law"),
    ("leave.why.household_death", "Anggota keluarga serumah meninggal", "Death of a household member"),
    ("leave.why.marriage", "Pernikahan sendiri", "Own wedding"),
    ("leave.why.unstated", "— pilih —", "— choose —"),
];
