"""Indonesian office prose for the benchmark's text fields: full addresses, short notes on
contacts and calls, letter bodies, and meeting minutes of 2-5 KB.

Made from sentence patterns and a small grammar filled from wide pools (people, firms,
streets, amounts, dates, documents, topics). `python bench/prose.py` prints how well it
deflates: a note of 2.6 KB alone 2.3x (a page of this project's README: 1.9x), twenty notes
together about 5x (70 KB of the README: 2.6x). Minutes of one office repeat its names and
phrases, but this text is still kinder to a compressor than free prose: the storage figures
on it are a floor, not a ceiling."""
import random
import zlib

FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Ani", "Joko", "Sri", "Hendra", "Wati", "Andi", "Rina", "Bambang",
         "Yuni", "Eko", "Lestari", "Fajar", "Indah", "Putu", "Made", "Wayan", "Nyoman", "Citra", "Dian", "Ahmad",
         "Nur", "Rizki", "Fitri", "Teguh", "Ratna", "Yusuf", "Maria", "Kevin", "Melati", "Gilang", "Ayu", "Hadi",
         "Novi", "Arif", "Sinta", "Taufik", "Wulan", "Irfan", "Mega", "Dodi", "Nadia", "Bayu", "Larasati", "Reza",
         "Anisa", "Stefanus", "Yohana", "Imam", "Kartika", "Dimas", "Puspita", "Slamet", "Evi", "Herman", "Tuti"]
LAST = ["Santoso", "Wijaya", "Rahma", "Saputra", "Kusuma", "Pratama", "Hidayat", "Siregar", "Nasution",
        "Simanjuntak", "Gunawan", "Setiawan", "Lubis", "Harahap", "Wibowo", "Sari", "Putri", "Halim", "Tanjung",
        "Hutapea", "Purnomo", "Susanto", "Handoko", "Firmansyah", "Ramadhan", "Kurniawan", "Suryadi", "Manurung",
        "Pardede", "Sitompul", "Nugroho", "Utomo", "Wahyudi", "Lim", "Tan", "Sembiring", "Ginting", "Daulay",
        "Pangaribuan", "Mahendra", "Anggraini", "Permana", "Hakim", "Syahputra", "Rangkuti", "Sihombing"]
STREET = ["Merdeka", "Sudirman", "Thamrin", "Gatot Subroto", "Diponegoro", "Gajah Mada", "Hayam Wuruk", "Pemuda",
          "Ahmad Yani", "Veteran", "Pahlawan", "Kartini", "Cendrawasih", "Melati", "Kenanga", "Flamboyan", "Mawar",
          "Anggrek", "Raya Bogor", "Pangeran Antasari", "Kebon Jeruk", "Tebet Barat", "Casablanca", "Asia Afrika",
          "Dago", "Braga", "Pasteur", "Darmo", "Basuki Rahmat", "Malioboro", "Kaliurang", "Gajahmada", "Imam Bonjol",
          "Juanda", "Sisingamangaraja", "Hasanuddin", "Teuku Umar", "Cut Nyak Dhien", "Panglima Polim", "Fatmawati"]
KELURAHAN = ["Menteng", "Gondangdia", "Cikini", "Kebayoran Baru", "Senayan", "Tebet Timur", "Kuningan", "Setiabudi",
             "Cempaka Putih", "Sukajadi", "Coblong", "Lebak Siliwangi", "Gubeng", "Wonokromo", "Tegalsari",
             "Medan Baru", "Petisah", "Candisari", "Tembalang", "Panakkukang", "Renon", "Sanur Kauh", "Gondokusuman",
             "Klojen", "Lowokwaru", "Pluit", "Kelapa Gading", "Cilandak", "Pondok Indah", "Ciputat"]
CITY = [("Jakarta Pusat", "10"), ("Jakarta Selatan", "12"), ("Jakarta Utara", "14"), ("Bandung", "40"),
        ("Surabaya", "60"), ("Medan", "20"), ("Semarang", "50"), ("Makassar", "90"), ("Denpasar", "80"),
        ("Yogyakarta", "55"), ("Malang", "65"), ("Tangerang Selatan", "15"), ("Bekasi", "17"), ("Bogor", "16")]
ORG_KIND = ["PT", "CV", "UD", "Koperasi", "Yayasan"]
ORG_WORD = ["Maju", "Jaya", "Sejahtera", "Abadi", "Makmur", "Sentosa", "Karya", "Mandiri", "Nusantara", "Sinar",
            "Terang", "Bersama", "Utama", "Prima", "Cahaya", "Indah", "Global", "Sukses", "Berkah", "Mulia",
            "Lestari", "Perkasa", "Gemilang", "Citra", "Bumi", "Samudra", "Harapan", "Kencana"]
DEPTS = ["Keuangan", "HRD", "Pemasaran", "Gudang", "Direksi", "IT", "Umum", "Penjualan", "Legal", "Operasional"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
THINGS = ["laptop untuk staf baru", "kertas A4 dan toner", "kursi ruang rapat", "langganan internet kantor",
          "AC lantai dua", "proyektor ruang Melati", "seragam karyawan", "konsumsi acara pelatihan", "server cadangan",
          "lisensi perangkat lunak akuntansi", "kendaraan operasional", "printer bagian keuangan", "meja resepsionis",
          "mesin absensi sidik jari", "brosur produk baru", "papan nama kantor", "dispenser air", "CCTV gudang"]
TOPICS = ["laporan keuangan bulan lalu", "rencana anggaran tahun depan", "penagihan piutang yang lewat jatuh tempo",
          "target penjualan kuartal ini", "jadwal cuti bersama akhir tahun", "rekrutmen staf administrasi",
          "perpanjangan kontrak sewa gedung", "persiapan audit eksternal", "evaluasi vendor katering",
          "program pelatihan K3", "pembaruan data karyawan untuk BPJS", "pelaporan SPT Masa PPN",
          "kebijakan kerja dari rumah", "perawatan kendaraan operasional", "penataan ulang gudang arsip",
          "keluhan pelanggan soal pengiriman", "acara ulang tahun perusahaan", "pengadaan perlengkapan kantor",
          "stok opname akhir bulan", "penilaian kinerja semester", "pembayaran THR", "migrasi email kantor",
          "kerja sama dengan distributor baru", "tindak lanjut hasil audit internal", "renovasi ruang rapat"]
STATES = ["sudah selesai", "masih berjalan", "tertunda karena menunggu persetujuan direksi",
          "sudah sekitar tujuh puluh persen", "belum dimulai", "terlambat dua minggu dari jadwal",
          "sudah diajukan ke bagian keuangan", "menunggu penawaran dari dua vendor lagi", "sudah disetujui"]


def person(rnd):
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"


def firm(rnd):
    return f"{rnd.choice(ORG_KIND)} {rnd.choice(ORG_WORD)} {rnd.choice(ORG_WORD)}"


def rupiah(rnd, lo=1, hi=500, step=50_000):
    return "Rp " + f"{rnd.randrange(lo, hi) * step:,}".replace(",", ".")


def day(rnd):
    return f"{rnd.randrange(1, 29)} {rnd.choice(MONTHS)}"


def address(rnd):
    """A street address as Indonesian offices write it: number, RT/RW, kelurahan, city, postal code."""
    city, zip_head = rnd.choice(CITY)
    blok = f" Blok {rnd.choice('ABCDEFG')}{rnd.randrange(1, 12)}" if rnd.random() < 0.25 else ""
    rt = f", RT {rnd.randrange(1, 15):03}/RW {rnd.randrange(1, 12):03}" if rnd.random() < 0.6 else ""
    return (f"Jl. {rnd.choice(STREET)} No. {rnd.randrange(1, 250)}{blok}{rt}, {rnd.choice(KELURAHAN)}, "
            f"{city} {zip_head}{rnd.randrange(100, 999)}")

MORE = [
    "Menurut {p}, {t} perlu dikoordinasikan dengan kantor cabang {c} agar tidak terjadi dobel pencatatan.",
    "{p} keberatan dengan usulan itu karena beban kerja tim {d} sedang tinggi menjelang tutup buku.",
    "Vendor {f} minta uang muka {r}; disetujui setelah kontrak ditandatangani kedua pihak.",
    "Sebanyak {n} karyawan belum mengumpulkan fotokopi KTP dan NPWP untuk pembaruan data.",
    "Tim {d} mencoba aplikasi baru selama {n} hari dan hasilnya cukup memuaskan, meski masih ada kendala login.",
    "Biaya perjalanan dinas ke {c} sebesar {r} diganti setelah kuitansi asli diserahkan.",
    "Gudang melaporkan selisih stok {n} unit pada {i}; penyebabnya sedang ditelusuri {p}.",
    "Usul {q}: laporan mingguan cukup satu halaman, angka penting di atas, rincian di lampiran.",
    "Pelatihan {t} akan diadakan di {c} selama dua hari dengan peserta dari tiap bagian.",
    "Kas kecil bulan ini terpakai {r}, sebagian besar untuk {i} dan ongkos kirim.",
    "Direksi minta {t} dipresentasikan lengkap dengan perbandingan tahun lalu dan proyeksi tiga bulan ke depan.",
    "Setelah diskusi panjang, {t} ditunda sampai laporan dari {f} diterima.",
    "{p} sudah menghubungi {q} dari {f}, tetapi belum ada kepastian tanggal pengiriman {i}.",
    "Perlu dibuat SOP tertulis untuk {t} supaya staf baru tidak bingung.",
    "Listrik padam {n} kali minggu lalu; UPS untuk server dan {i} perlu diperiksa.",
    "Ada {n} lamaran masuk untuk posisi staf {d}; {p} menyaring dan menjadwalkan wawancara.",
    "Faktur dari {f} nomor {inv} belum bisa dibayar karena NPWP di faktur salah ketik.",
    "Rencana kunjungan ke klien di {c} tanggal {day}, didampingi {p} dan {q}.",
    "Semua setuju bahwa {t} dievaluasi lagi tiga bulan lagi berdasarkan data yang ada.",
    "{p} mengusulkan potongan harga {n} persen untuk pelanggan lama yang membayar tepat waktu.",
]
VERB = ["menyampaikan", "menjelaskan", "melaporkan", "menyebutkan", "mencatat"]


def _more(rnd):
    text = rnd.choice(MORE)
    return text.format(p=person(rnd), q=person(rnd), t=rnd.choice(TOPICS), c=rnd.choice(CITY)[0], d=rnd.choice(DEPTS),
                       f=firm(rnd), r=rupiah(rnd), n=rnd.randrange(2, 40), i=rnd.choice(THINGS), day=day(rnd),
                       inv=f"INV/{rnd.randrange(2024, 2027)}/{rnd.randrange(1, 999):04}")

# Free sentences, for the variety of what people actually say: a subject, a verb, an object
# with a modifier, and sometimes a reason or a time.
SUBJ = ["tim {d}", "bagian {d}", "kepala bagian {d}", "{p}", "Bu {l}", "Pak {l}", "staf baru", "pihak vendor",
        "klien", "auditor", "koordinator acara", "resepsionis", "sopir kantor", "admin gudang", "panitia"]
VERBS = ["memeriksa", "menyusun", "mengirim", "menunda", "membatalkan", "menyetujui", "merevisi", "mencetak",
         "menghitung ulang", "mengarsipkan", "menagih", "membayar", "memesan", "mengecek", "melengkapi",
         "menandatangani", "mengajukan", "membandingkan", "mengganti", "memperbaiki", "menjadwalkan ulang",
         "mendata", "menyerahkan", "mengumpulkan", "menyelesaikan", "memperbarui", "menolak", "meneruskan"]
NOUNS = ["daftar hadir", "surat penawaran", "berita acara", "faktur pajak", "laporan kas", "jadwal piket",
         "kontrak kerja", "nota pembelian", "rekap lembur", "slip gaji", "draf undangan", "rincian biaya",
         "bukti transfer", "surat jalan", "formulir cuti", "catatan rapat", "proposal kegiatan", "daftar inventaris",
         "kartu stok", "tagihan listrik", "polis asuransi", "surat kuasa", "rekening koran", "anggaran revisi",
         "data pelamar", "absensi harian", "laporan perjalanan", "berkas tender", "sertifikat pelatihan",
         "nomor seri aset", "kuitansi", "purchase order", "jadwal pengiriman", "memo internal", "SOP arsip"]
MODS = ["yang lama", "bulan {m}", "untuk {c}", "dari {f}", "tahun lalu", "yang belum lengkap", "versi terakhir",
        "cabang {c}", "minggu ini", "yang salah hitung", "dua rangkap", "asli dan fotokopi", "dalam format PDF",
        "per tanggal {day}", "senilai {r}", "sebanyak {n} lembar", "untuk proyek {f}", "yang diminta direksi"]
TAILS = ["", "", "", " sebelum {day}", " karena ada kesalahan angka", " supaya bisa diproses minggu depan",
         " sesuai permintaan {p}", " paling lambat hari {w}", " lewat email", " setelah dicek {p}",
         " karena vendor belum konfirmasi", " bersama bagian {d}", " agar tidak terlambat lagi", " hari {w} pagi"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]


def _free(rnd):
    fill = dict(p=person(rnd), l=rnd.choice(LAST), d=rnd.choice(DEPTS), m=rnd.choice(MONTHS), c=rnd.choice(CITY)[0],
                f=firm(rnd), day=day(rnd), r=rupiah(rnd), n=rnd.randrange(2, 60), w=rnd.choice(DAYS))
    subj = rnd.choice(SUBJ).format(**fill)
    words = [subj[0].upper() + subj[1:], rnd.choice(["akan", "sudah", "perlu", "belum", "sedang", "harus", ""]),
             rnd.choice(VERBS), rnd.choice(NOUNS), rnd.choice(MODS).format(**fill)]
    return " ".join(w for w in words if w) + rnd.choice(TAILS).format(**fill) + "."


def _sentence(rnd):
    p, q = person(rnd), person(rnd)
    if rnd.random() < 0.7:
        return _free(rnd)
    pattern = rnd.randrange(42)
    if pattern >= 22:
        return _more(rnd)
    if pattern == 0:
        return f"{p} {rnd.choice(VERB)} bahwa {rnd.choice(TOPICS)} {rnd.choice(STATES)}."
    if pattern == 1:
        return f"Untuk {rnd.choice(THINGS)}, sudah ada penawaran dari {firm(rnd)} sebesar {rupiah(rnd)} belum termasuk PPN."
    if pattern == 2:
        return f"Bagian {rnd.choice(DEPTS)} meminta agar {rnd.choice(TOPICS)} dibahas lagi pada rapat tanggal {day(rnd)}."
    if pattern == 3:
        return f"{p} mengingatkan bahwa batas waktu {rnd.choice(TOPICS)} adalah {day(rnd)}, jadi semua dokumen harus masuk paling lambat seminggu sebelumnya."
    if pattern == 4:
        return f"Disepakati anggaran {rupiah(rnd, 10, 900, 100_000)} untuk {rnd.choice(THINGS)}, dengan catatan harga dibandingkan dulu dengan minimal tiga pemasok."
    if pattern == 5:
        return f"{q} dari {rnd.choice(DEPTS)} menanyakan apakah {rnd.choice(THINGS)} bisa dibeli bulan ini; jawabannya menunggu arus kas."
    if pattern == 6:
        return f"Klien {firm(rnd)} mengeluhkan keterlambatan {rnd.randrange(2, 15)} hari; {p} akan menelepon mereka dan mengirim jadwal baru."
    if pattern == 7:
        return f"Sisa piutang {firm(rnd)} tercatat {rupiah(rnd, 5, 400, 250_000)}, sudah ditagih {rnd.randrange(2, 5)} kali."
    if pattern == 8:
        return f"Peserta sepakat {rnd.choice(TOPICS)} menjadi prioritas sampai akhir {rnd.choice(MONTHS)}."
    if pattern == 9:
        return f"{p} belum bisa hadir karena dinas ke {rnd.choice(CITY)[0]}; laporannya dibacakan oleh {q}."
    if pattern == 10:
        return f"Data absensi bulan {rnd.choice(MONTHS)} menunjukkan {rnd.randrange(2, 20)} keterlambatan dan {rnd.randrange(0, 6)} izin sakit."
    if pattern == 11:
        return f"Ada usulan memindahkan {rnd.choice(THINGS)} ke lantai {rnd.randrange(1, 5)} supaya lebih mudah dijangkau."
    if pattern == 12:
        return f"Pak {rnd.choice(LAST)} menegaskan tidak ada pembelian di atas {rupiah(rnd, 5, 50, 1_000_000)} tanpa persetujuan tertulis."
    if pattern == 13:
        return f"Hasil survei kepuasan pelanggan {rnd.randrange(60, 96)} persen, naik {rnd.randrange(1, 9)} poin dari periode sebelumnya."
    if pattern == 14:
        return f"{p} dan {q} ditugaskan menyiapkan {rnd.choice(TOPICS)} sebelum {day(rnd)}."
    if pattern == 15:
        return f"Kontrak dengan {firm(rnd)} berakhir {day(rnd)} {rnd.randrange(2025, 2028)}; perlu diputuskan diperpanjang atau tidak."
    if pattern == 16:
        return f"Mesin fotokopi rusak lagi minggu ini; teknisi dari {firm(rnd)} akan datang hari {rnd.choice(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat'])}."
    if pattern == 17:
        return f"Realisasi biaya {rnd.choice(DEPTS).lower()} sampai bulan ini {rnd.randrange(40, 110)} persen dari anggaran."
    if pattern == 18:
        return f"Tidak ada tanggapan atas {rnd.choice(TOPICS)}, jadi usulan dianggap diterima."
    if pattern == 19:
        return f"Catatan: nomor rekening baru {firm(rnd)} di Bank {rnd.choice(['BCA', 'Mandiri', 'BNI', 'BRI', 'CIMB Niaga'])} {rnd.randrange(10**9, 10**10)} harus dicek ulang sebelum transfer."
    if pattern == 20:
        return f"{p} akan mengirim ringkasan {rnd.choice(TOPICS)} lewat email ke semua kepala bagian."
    return f"Rapat berikutnya dijadwalkan {day(rnd)} pukul {rnd.randrange(8, 16):02}.{rnd.choice(['00', '30'])} di Ruang {rnd.choice(['Melati', 'Mawar', 'Anggrek', 'Kenanga'])}."


def note(rnd, lo, hi):
    """Sentences until the text is between `lo` and `hi` characters, in paragraphs."""
    target = rnd.randrange(lo, hi + 1)
    parts, size = [], 0
    while size < target:
        s = _sentence(rnd)
        if size + len(s) > hi and parts:
            break
        parts.append(s)
        size += len(s) + 1
    out = []
    for i, s in enumerate(parts):
        out.append(("\n\n" if i and rnd.random() < 0.25 else " " if i else "") + s)
    return "".join(out)


def ratio(text):
    """How many times smaller deflate makes this text alone."""
    raw = text.encode()
    return len(raw) / len(zlib.compress(raw, 6))


if __name__ == "__main__":
    rnd = random.Random(1)
    notes = [note(rnd, 2000, 5000) for _ in range(20)]
    print(notes[0][:600])
    print(f"one note of {len(notes[0])} chars deflates {ratio(notes[0]):.2f}x; twenty together {ratio(''.join(notes)):.2f}x")
    print(address(rnd))
