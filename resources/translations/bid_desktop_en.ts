<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="id_ID">
<context>
    <name>AmountBandPage</name>
    <message>
        <source>Cap komitmen di luar rentang ini, atau lebih dari %d× / kurang dari 1/%d biaya inovasi di menu, ditanyakan dulu di meja (jumlah ditampilkan dengan terbilang).</source>
        <translation>A commitment stamped outside this range, or more than %d× / less than 1/%d of the innovation&apos;s cost in the menu, is asked about first at the table (the amount shown in words).</translation>
    </message>
    <message>
        <source>Simpan (PIN)</source>
        <translation>Save (PIN)</translation>
    </message>
    <message>
        <source>Paling kecil</source>
        <translation>Smallest</translation>
    </message>
    <message>
        <source>Paling besar</source>
        <translation>Largest</translation>
    </message>
    <message>
        <source>Tidak disimpan</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Isi kedua jumlah.</source>
        <translation>Fill in both amounts.</translation>
    </message>
    <message>
        <source>ubah rentang jumlah wajar</source>
        <translation>change the plausible amount range</translation>
    </message>
    <message>
        <source>Rentang jumlah wajar disimpan.</source>
        <translation>Plausible amount range saved.</translation>
    </message>
</context>
<context>
    <name>AmountField</name>
    <message>
        <source>contoh: Rp 150.000.000, 150jt, 1,5 M</source>
        <translation>e.g. Rp 150.000.000, 150jt, 1,5 M</translation>
    </message>
    <message>
        <source>Tidak dimengerti: %s</source>
        <translation>Not understood: %s</translation>
    </message>
    <message>
        <source>Ketik jumlah: Rp 150.000.000, 150jt, 1,5 M</source>
        <translation>Type an amount: Rp 150.000.000, 150jt, 1,5 M</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>Pindai badge di pintu sesi lalu Enter</source>
        <translation>Scan the badge at the session door, then Enter</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <source>Sesi (F8 berikutnya):</source>
        <translation>Session (F8 next):</translation>
    </message>
    <message>
        <source>Kehadiran sesi (pindai di pintu, opsional)</source>
        <translation>Session attendance (scan at the door, optional)</translation>
    </message>
    <message>
        <source>Belum ada sesi di bursa ini (atur di Ruang &amp; Sesi)</source>
        <translation>No sessions in this bursa yet (set them up under Rooms &amp; Sessions)</translation>
    </message>
    <message>
        <source>%d hadir</source>
        <translation>%d present</translation>
    </message>
    <message>
        <source>Pilih sesi dulu.</source>
        <translation>Choose a session first.</translation>
    </message>
    <message>
        <source>Hadir: %s — %s</source>
        <translation>Present: %s — %s</translation>
    </message>
    <message>
        <source>Sudah tercatat: %s masuk %s pukul %s</source>
        <translation>Already recorded: %s entered %s at %s</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Stasiun</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Cari tindakan, alasan, stasiun…</source>
        <translation>Search action, reason, station…</translation>
    </message>
    <message>
        <source>Ekspor CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Ekspor log audit</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>%d entri audit diekspor</source>
        <translation>%d audit entries exported</translation>
    </message>
</context>
<context>
    <name>BackupTimer</name>
    <message>
        <source>Cadangan otomatis dibuat: %s</source>
        <translation>Automatic backup made: %s</translation>
    </message>
    <message>
        <source>Cadangan otomatis BERHENTI: %s</source>
        <translation>Automatic backup STOPPED: %s</translation>
    </message>
    <message>
        <source>Cadangan otomatis GAGAL: %s</source>
        <translation>Automatic backup FAILED: %s</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Integritas</source>
        <translation>Integrity</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Kosong = folder &apos;backups&apos; di samping basis data</source>
        <translation>Empty = the &apos;backups&apos; folder next to the database</translation>
    </message>
    <message>
        <source>Simpan pen&amp;gaturan</source>
        <translation>Save se&amp;ttings</translation>
    </message>
    <message>
        <source>Folder &amp;cadangan:</source>
        <translation>Backup &amp;folder:</translation>
    </message>
    <message>
        <source>Pilih &amp;folder…</source>
        <translation>Choose &amp;folder…</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>mati</source>
        <translation>off</translation>
    </message>
    <message>
        <source> salinan</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>Simpan &amp;paling banyak:</source>
        <translation>Keep at &amp;most:</translation>
    </message>
    <message>
        <source>Otomatis &amp;tiap:</source>
        <translation>Automatic &amp;every:</translation>
    </message>
    <message>
        <source>Pengaturan cadangan otomatis</source>
        <translation>Automatic backup settings</translation>
    </message>
    <message>
        <source>Ca&amp;dangkan sekarang</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>P&amp;ulihkan cadangan terpilih…</source>
        <translation>&amp;Restore selected backup…</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>otomatis (timer)</source>
        <translation>automatic (timer)</translation>
    </message>
    <message>
        <source>sebelum penggabungan</source>
        <translation>before merge</translation>
    </message>
    <message>
        <source>sebelum pemulihan</source>
        <translation>before restore</translation>
    </message>
    <message>
        <source>memeriksa…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <source>terenkripsi (kunci acara lain)</source>
        <translation>encrypted (another event key)</translation>
    </message>
    <message>
        <source>baik</source>
        <translation>good</translation>
    </message>
    <message>
        <source>RUSAK</source>
        <translation>DAMAGED</translation>
    </message>
    <message>
        <source>Pilih folder cadangan (misalnya flashdisk)</source>
        <translation>Choose the backup folder (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>mengubah pengaturan cadangan</source>
        <translation>change the backup settings</translation>
    </message>
    <message>
        <source>Pengaturan cadangan disimpan.</source>
        <translation>Backup settings saved.</translation>
    </message>
    <message>
        <source>%d cadangan di %s</source>
        <translation>%d backups in %s</translation>
    </message>
    <message>
        <source>Cadangan dibuat dan diperiksa: %s</source>
        <translation>Backup made and verified: %s</translation>
    </message>
    <message>
        <source>Pilih cadangan di daftar dulu.</source>
        <translation>Choose a backup in the list first.</translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Basis data laptop ini akan DIGANTI dengan cadangan dari %s.

Semua yang dicatat di laptop ini sesudah waktu itu dan belum diekspor akan hilang dari laptop ini. Basis data sekarang disalin dulu ke folder cadangan.

Lanjutkan?</source>
        <translation>This laptop&apos;s database will be REPLACED by the backup from %s.

Everything recorded on this laptop after that time and not yet exported will be gone from this laptop. The current database is copied to the backup folder first.

Continue?</translation>
    </message>
    <message>
        <source>memulihkan cadangan</source>
        <translation>restore a backup</translation>
    </message>
    <message>
        <source>Memulihkan cadangan…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <source>Basis data dipulihkan ke cadangan %s.</source>
        <translation>Database restored to the backup of %s.</translation>
    </message>
    <message>
        <source>Salinan sebelumnya: %s</source>
        <translation>Copy of the previous database: %s</translation>
    </message>
</context>
<context>
    <name>BursaTab</name>
    <message>
        <source>Ruang Bursa</source>
        <translation>Bursa rooms</translation>
    </message>
    <message>
        <source>Bursa:</source>
        <translation>Bursa:</translation>
    </message>
    <message>
        <source>F7 ganti bursa · Alt+1…5 pindah halaman</source>
        <translation>F7 switches bursa · Alt+1…5 switches page</translation>
    </message>
    <message>
        <source>Penilaian &amp;&amp; peringkat</source>
        <translation>Ratings &amp;&amp; ranking</translation>
    </message>
    <message>
        <source>Kehadiran sesi</source>
        <translation>Session attendance</translation>
    </message>
    <message>
        <source>Menu inovasi</source>
        <translation>Innovation menu</translation>
    </message>
    <message>
        <source>Direktori P2KTD</source>
        <translation>P2KTD directory</translation>
    </message>
    <message>
        <source>Ruang, sesi &amp;&amp; meja</source>
        <translation>Rooms, sessions &amp;&amp; tables</translation>
    </message>
</context>
<context>
    <name>CardForm</name>
    <message>
        <source>Tambah dari Kartu Komitmen (F2)</source>
        <translation>Add from the Kartu Komitmen (F2)</translation>
    </message>
    <message>
        <source>Kode (mis. A03) atau ketik judul</source>
        <translation>Code (e.g. A03) or type the title</translation>
    </message>
    <message>
        <source>Tambah komitmen (Enter)</source>
        <translation>Add commitment (Enter)</translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>Perkiraan anggaran</source>
        <translation>Estimated budget</translation>
    </message>
    <message>
        <source>Tahun rencana</source>
        <translation>Planned year</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Tidak ada di menu inovasi</source>
        <translation>Not on the innovation menu</translation>
    </message>
    <message>
        <source>Pilih inovasi dari menu</source>
        <translation>Choose an innovation from the menu</translation>
    </message>
    <message>
        <source>“%s” bukan kode inovasi, bukan badge atau desa</source>
        <translation>“%s” is not an innovation code, a badge or a desa</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>  %s: %d baris</source>
        <translation>  %s: %d rows</translation>
    </message>
    <message>
        <source> (sudah pernah diimpor)</source>
        <translation> (already imported before)</translation>
    </message>
    <message>
        <source>%d acara, %d baris, %d stasiun</source>
        <translation>%d events, %d rows, %d stations</translation>
    </message>
    <message>
        <source>%d badge: %s</source>
        <translation>%d badges: %s</translation>
    </message>
    <message>
        <source>%d ditambah, %d diperbarui, %d dihapus, konflik %d berat / %d ringan, %d calon duplikat</source>
        <translation>added %d, updated %d, deleted %d, conflicts %d hard / %d soft, duplicate candidates %d</translation>
    </message>
    <message>
        <source>%d komitmen</source>
        <translation>%d commitments</translation>
    </message>
    <message>
        <source>%d piagam (%d salinan) di %s</source>
        <translation>%d piagam (%d copies) in %s</translation>
    </message>
    <message>
        <source>%d suntingan tidak diimpor:</source>
        <translation>%d edits not imported:</translation>
    </message>
    <message>
        <source>%d surat undangan: %s</source>
        <translation>%d invitation letters: %s</translation>
    </message>
    <message>
        <source>%s dipulihkan ke %s</source>
        <translation>restored %s to %s</translation>
    </message>
    <message>
        <source>%s: %d baris, %d baru, %d diperbarui, %d sama</source>
        <translation>%s: %d rows, %d added, %d updated, %d unchanged</translation>
    </message>
    <message>
        <source>%s: %d paket; %s</source>
        <translation>%s: %d package(s); %s</translation>
    </message>
    <message>
        <source>%s: baik (integrity_check, invarian sinkronisasi, tidak ada nomor ganda)</source>
        <translation>%s: ok (integrity_check, sync invariants, no duplicated numbers)</translation>
    </message>
    <message>
        <source>%s: basis data tidak ditemukan</source>
        <translation>%s: database not found</translation>
    </message>
    <message>
        <source>%s: berkas PIN tidak bisa dibaca (%s)</source>
        <translation>%s: cannot read PIN file (%s)</translation>
    </message>
    <message>
        <source>%s: berkas kata sandi tidak bisa dibaca (%s)</source>
        <translation>%s: cannot read passphrase file (%s)</translation>
    </message>
    <message>
        <source>%s: stasiun %s, %d versi, %d baru%s; %s</source>
        <translation>%s: station %s, %d versions, %d new%s; %s</translation>
    </message>
    <message>
        <source>--date: &apos;%s&apos; bukan tanggal YYYY-MM-DD</source>
        <translation>--date: &apos;%s&apos; is not YYYY-MM-DD</translation>
    </message>
    <message>
        <source>BID Desktop — Bursa Inovasi Desa, tanpa internet.</source>
        <translation>BID Desktop — Bursa Inovasi Desa, offline.</translation>
    </message>
    <message>
        <source>Kata sandi acara: </source>
        <translation>Event passphrase: </translation>
    </message>
    <message>
        <source>PIN panitia: </source>
        <translation>Committee PIN: </translation>
    </message>
    <message>
        <source>SALINAN</source>
        <translation>COPY</translation>
    </message>
    <message>
        <source>Tanpa PERINTAH: buka jendela; dengan BERKAS.bidsync (bid-desktop [--db DB] BERKAS.bidsync) pada pratinjau impor paket itu.</source>
        <translation>Without COMMAND: open the window; with a FILE.bidsync (bid-desktop [--db DB] FILE.bidsync) on the import preview of that package.</translation>
    </message>
    <message>
        <source>Ulangi PIN panitia: </source>
        <translation>Repeat the committee PIN: </translation>
    </message>
    <message>
        <source>Ulangi kata sandi: </source>
        <translation>Repeat the passphrase: </translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>acara %s dibuat: %s, stasiun %s</source>
        <translation>event %s created: %s, station %s</translation>
    </message>
    <message>
        <source>alamat yang didengarkan (bawaan: semua)</source>
        <translation>address to listen on (default: all)</translation>
    </message>
    <message>
        <source>badge nama (PDF, Code128 nomor peserta)</source>
        <translation>name badges (PDF, Code128 of the participant number)</translation>
    </message>
    <message>
        <source>bahasa antarmuka dan keluaran</source>
        <translation>interface language</translation>
    </message>
    <message>
        <source>basis data TA: ekspor hanya acara ini (boleh berulang); bawaan: setiap acara</source>
        <translation>TA database: export only this event (repeatable); default: every event</translation>
    </message>
    <message>
        <source>basis data sebelumnya disimpan sebagai %s</source>
        <translation>previous database kept as %s</translation>
    </message>
    <message>
        <source>bawaan: dari kode stasiun (REG1 → registrasi ...)</source>
        <translation>default: from the station code (REG1 → registrasi ...)</translation>
    </message>
    <message>
        <source>bergabung ke acara %s: %s, stasiun %s (%s), %d versi</source>
        <translation>joined event %s: %s, station %s (%s), %d versions</translation>
    </message>
    <message>
        <source>berkas PDF yang ditulis</source>
        <translation>PDF file to write</translation>
    </message>
    <message>
        <source>berkas basis data</source>
        <translation>database file</translation>
    </message>
    <message>
        <source>berkas basis data (untuk jendela)</source>
        <translation>database file (window only)</translation>
    </message>
    <message>
        <source>berkas berisi PIN panitia (jika tidak: $BID_PIN, jika tidak: ditanyakan)</source>
        <translation>file holding the committee PIN (else $BID_PIN, else asked)</translation>
    </message>
    <message>
        <source>berkas berisi kata sandi acara (jika tidak: $BID_PASSPHRASE, jika tidak: ditanyakan)</source>
        <translation>file holding the event passphrase (else $BID_PASSPHRASE, else asked)</translation>
    </message>
    <message>
        <source>berkas xlsx yang ditulis</source>
        <translation>xlsx file to write</translation>
    </message>
    <message>
        <source>buat acara contoh yang realistis, kegiatannya tersebar di N basis data stasiun</source>
        <translation>create a realistic event with activity spread over N station databases</translation>
    </message>
    <message>
        <source>buat acara di laptop ini</source>
        <translation>create an event on this laptop</translation>
    </message>
    <message>
        <source>buat atau gabung ke acara</source>
        <translation>create or join an event</translation>
    </message>
    <message>
        <source>buka jendela, keluar 0 begitu tampil (pemeriksaan)</source>
        <translation>open the window, exit 0 once it has painted (checks)</translation>
    </message>
    <message>
        <source>buka: %s</source>
        <translation>open: %s</translation>
    </message>
    <message>
        <source>buku rekap (xlsx) semua acara di basis data</source>
        <translation>the recap workbook (xlsx) of every event in the database</translation>
    </message>
    <message>
        <source>cadangan basis data yang diperiksa dan bergilir</source>
        <translation>verified, rotating backup of the database</translation>
    </message>
    <message>
        <source>cadangan sebelum penggabungan: %s</source>
        <translation>backup before merge: %s</translation>
    </message>
    <message>
        <source>catatan: %s</source>
        <translation>note: %s</translation>
    </message>
    <message>
        <source>demo %s: %d acara, %d peserta, %d komitmen, %d ide, %d penilaian dalam %.1f detik</source>
        <translation>demo %s: %d events, %d participants, %d commitments, %d ideas, %d ratings in %.1f s</translation>
    </message>
    <message>
        <source>digabung</source>
        <translation>merged</translation>
    </message>
    <message>
        <source>folder cadangan (bawaan: pengaturan cadangan)</source>
        <translation>backup folder (default: the backup settings)</translation>
    </message>
    <message>
        <source>folder tujuan (mis. flashdisk)</source>
        <translation>folder to write into (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>folder untuk berkas PDF</source>
        <translation>folder for the PDF files</translation>
    </message>
    <message>
        <source>gabung ke acara dari salah satu paketnya</source>
        <translation>join an event from any of its packages</translation>
    </message>
    <message>
        <source>gabungkan paket .bidsync ke basis data ini</source>
        <translation>merge .bidsync packages into this database</translation>
    </message>
    <message>
        <source>hanya acara ini (boleh berulang); bawaan: setiap acara (basis data TA: laporan kabupaten, ringkasan per kecamatan)</source>
        <translation>only this event (repeatable); default: every event (a TA database: the kabupaten report, a summary per kecamatan)</translation>
    </message>
    <message>
        <source>hanya badge yang belum dicetak</source>
        <translation>only badges not printed yet</translation>
    </message>
    <message>
        <source>hanya desa ini (boleh berulang)</source>
        <translation>only this desa (repeatable)</translation>
    </message>
    <message>
        <source>hanya desa ini (kode Kemendagri, boleh berulang); bawaan: setiap desa yang punya komitmen</source>
        <translation>only this desa (Kemendagri code, repeatable); default: every desa with commitments</translation>
    </message>
    <message>
        <source>hanya nomor peserta ini (boleh berulang); bawaan: semua yang tidak dibatalkan</source>
        <translation>only this participant number (repeatable); default: everyone not voided</translation>
    </message>
    <message>
        <source>hanya pendaftaran walk-in</source>
        <translation>only walk-in registrations</translation>
    </message>
    <message>
        <source>impor spreadsheet yang sudah diisi: .xlsx, .xls, .ods atau .csv (semua atau tidak sama sekali)</source>
        <translation>import a filled spreadsheet: .xlsx, .xls, .ods or .csv (all-or-nothing)</translation>
    </message>
    <message>
        <source>integritas dan invarian sinkronisasi; bukan nol jika rusak</source>
        <translation>integrity and sync invariants; non-zero when broken</translation>
    </message>
    <message>
        <source>invitee: satu surat per undangan (bawaan); desa: satu per desa untuk Kepala Desa</source>
        <translation>invitee: one letter each (default); desa: one per desa to its Kepala Desa</translation>
    </message>
    <message>
        <source>jangan cari laptop lain lewat DNS-SD (mDNS)</source>
        <translation>do not find peers by DNS-SD (mDNS)</translation>
    </message>
    <message>
        <source>jumlah basis data stasiun (1-30)</source>
        <translation>station databases (1-30)</translation>
    </message>
    <message>
        <source>jumlah salinan terbaru yang disimpan (bawaan: pengaturan; perlu PIN)</source>
        <translation>newest copies kept (default: the settings; needs the PIN)</translation>
    </message>
    <message>
        <source>kata sandi acara: %s</source>
        <translation>event passphrase: %s</translation>
    </message>
    <message>
        <source>kedua PIN berbeda</source>
        <translation>the two PINs differ</translation>
    </message>
    <message>
        <source>kedua kata sandi berbeda</source>
        <translation>the two passphrases differ</translation>
    </message>
    <message>
        <source>laporan acara dengan grafik (PDF)</source>
        <translation>the event report with charts (PDF)</translation>
    </message>
    <message>
        <source>laporan ditulis: %s (%d halaman)</source>
        <translation>report written: %s (%d pages)</translation>
    </message>
    <message>
        <source>laptop lain (boleh berulang)</source>
        <translation>a peer (repeatable)</translation>
    </message>
    <message>
        <source>log audit: %s</source>
        <translation>audit log: %s</translation>
    </message>
    <message>
        <source>menggabungkan stasiun ke %s</source>
        <translation>merging the stations into %s</translation>
    </message>
    <message>
        <source>nomor yang diberikan dua kali: %d (bid-desktop check menampilkannya)</source>
        <translation>numbers given twice: %d (bid-desktop check lists them)</translation>
    </message>
    <message>
        <source>paket %s: %s (%d versi)</source>
        <translation>package %s: %s (%d versions)</translation>
    </message>
    <message>
        <source>peringatan: %s: huruf tidak ada di font: %s</source>
        <translation>warning: %s: letters missing from the font: %s</translation>
    </message>
    <message>
        <source>peringatan: huruf tidak ada di font, tercetak sebagai kotak: %s</source>
        <translation>warning: letters missing from the font, printed as boxes: %s</translation>
    </message>
    <message>
        <source>port yang didengarkan (bawaan: bebas)</source>
        <translation>port to listen on (default: any)</translation>
    </message>
    <message>
        <source>pulihkan cadangan yang sudah diperiksa (PIN panitia)</source>
        <translation>put a verified backup in place (committee PIN)</translation>
    </message>
    <message>
        <source>rekap ditulis: %s (%s)</source>
        <translation>recap written: %s (%s)</translation>
    </message>
    <message>
        <source>satu PDF piagam per desa yang punya komitmen (cetak ulang bertanda SALINAN)</source>
        <translation>one piagam PDF per desa that has commitments (a reprint is marked SALINAN)</translation>
    </message>
    <message>
        <source>sertakan kelurahan ini dengan sengaja (kelurahan bukan desa)</source>
        <translation>include this kelurahan of the kecamatan on purpose (kelurahan are not desa)</translation>
    </message>
    <message>
        <source>sheet: sepuluh per halaman A4 (bawaan); single: satu badge 90×55 mm per halaman</source>
        <translation>sheet: ten per A4 page (default); single: one 90×55 mm badge per page</translation>
    </message>
    <message>
        <source>sinkron langsung di lokasi acara: layani dan tarik versi lewat jaringan lokal</source>
        <translation>live sync at the venue: serve and pull versions over the local network</translation>
    </message>
    <message>
        <source>sinkronisasi saat istirahat: setiap stasiun menerima data stasiun lain</source>
        <translation>sync at the breaks: every station receives the other stations&apos; data</translation>
    </message>
    <message>
        <source>stasiun: %s/ (%d basis data: %s)</source>
        <translation>stations: %s/ (%d databases: %s)</translation>
    </message>
    <message>
        <source>surat undangan dalam satu PDF, masing-masing dengan kode badge</source>
        <translation>invitation letters (surat undangan) as one PDF, each with the badge code</translation>
    </message>
    <message>
        <source>tampilkan yang akan berubah, tanpa menulis apa pun</source>
        <translation>show what would change, write nothing</translation>
    </message>
    <message>
        <source>tarik hanya dari alamat --peer (tanpa DNS-SD, tanpa menarik balik dari laptop yang menarik dari laptop ini)</source>
        <translation>pull only from the --peer addresses (no DNS-SD, no pulling back from laptops that pull from this one)</translation>
    </message>
    <message>
        <source>tempat cadangan sebelum penggabungan (bawaan: pengaturan)</source>
        <translation>where the backup before the merge goes (default: settings)</translation>
    </message>
    <message>
        <source>templat ditulis: %s</source>
        <translation>template written: %s</translation>
    </message>
    <message>
        <source>tidak ada PIN panitia: pakai --pin-file atau BID_PIN</source>
        <translation>no committee PIN: use --pin-file or BID_PIN</translation>
    </message>
    <message>
        <source>tidak ada kata sandi: pakai --passphrase-file atau BID_PASSPHRASE</source>
        <translation>no passphrase: use --passphrase-file or BID_PASSPHRASE</translation>
    </message>
    <message>
        <source>tulis juga paket .bidsync setiap stasiun ke DIR</source>
        <translation>also write each station&apos;s .bidsync package into DIR</translation>
    </message>
    <message>
        <source>tulis paket .bidsync laptop ini; cetak lokasinya</source>
        <translation>write this laptop&apos;s .bidsync package; print its path</translation>
    </message>
    <message>
        <source>tulis templat spreadsheet kosong</source>
        <translation>write a blank spreadsheet template</translation>
    </message>
    <message>
        <source>uji coba, tidak ada yang ditulis</source>
        <translation>dry run, nothing written</translation>
    </message>
</context>
<context>
    <name>CommitmentsModel</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>Perkiraan anggaran</source>
        <translation>Estimated budget</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Asal</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Terbilang</source>
        <translation>In words</translation>
    </message>
    <message>
        <source>BATAL: %s</source>
        <translation>VOID: %s</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConfirmationsDialog</name>
    <message>
        <source>Konfirmasi kehadiran dan surat undangan</source>
        <translation>Attendance confirmation and invitation letters</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Diundang</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Dikonfirmasi</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Berhalangan</source>
        <translation>Cannot come</translation>
    </message>
    <message>
        <source>Belum</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Nama panitia yang menghubungi</source>
        <translation>Name of the committee member who called</translation>
    </message>
    <message>
        <source>Dikonfirmasi oleh:</source>
        <translation>Confirmed by:</translation>
    </message>
    <message>
        <source>Dikonfirmasi (F5)</source>
        <translation>Confirmed (F5)</translation>
    </message>
    <message>
        <source>Berhalangan (F6)</source>
        <translation>Cannot come (F6)</translation>
    </message>
    <message>
        <source>Belum (F7)</source>
        <translation>Not yet (F7)</translation>
    </message>
    <message>
        <source>Satu surat per undangan</source>
        <translation>One letter per invitee</translation>
    </message>
    <message>
        <source>Satu surat per desa (ke Kepala Desa)</source>
        <translation>One letter per desa (to the Kepala Desa)</translation>
    </message>
    <message>
        <source>Hanya desa terpilih</source>
        <translation>Selected desa only</translation>
    </message>
    <message>
        <source>Cetak surat undangan (PDF)…</source>
        <translation>Print invitation letters (PDF)…</translation>
    </message>
    <message>
        <source>%d diundang: %d dikonfirmasi, %d berhalangan, %d belum dihubungi</source>
        <translation>%d invited: %d confirmed, %d cannot come, %d not contacted yet</translation>
    </message>
    <message>
        <source>Pilih undangan di daftar kanan dulu.</source>
        <translation>Choose an invitee in the list on the right first.</translation>
    </message>
    <message>
        <source>%s: %s</source>
        <translation>%s: %s</translation>
    </message>
    <message>
        <source>Simpan surat undangan</source>
        <translation>Save invitation letters</translation>
    </message>
    <message>
        <source>%d surat undangan ditulis: %s</source>
        <translation>%d invitation letters written: %s</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Kolom berbeda</source>
        <translation>Differing fields</translation>
    </message>
    <message>
        <source>&amp;Muat ulang (F5)</source>
        <translation>&amp;Reload (F5)</translation>
    </message>
    <message>
        <source>Pilih konflik di daftar kiri.</source>
        <translation>Choose a conflict in the list on the left.</translation>
    </message>
    <message>
        <source>&amp;Hanya kolom yang berbeda</source>
        <translation>Only &amp;differing fields</translation>
    </message>
    <message>
        <source>konflik berat</source>
        <translation>hard conflict</translation>
    </message>
    <message>
        <source>konflik ringan</source>
        <translation>soft conflict</translation>
    </message>
    <message>
        <source>Versi %d · %s
%s</source>
        <translation>Version %d · %s
%s</translation>
    </message>
    <message>
        <source>&amp;Terima hasil gabungan</source>
        <translation>&amp;Accept the merged result</translation>
    </message>
    <message>
        <source>Pakai versi %d (%s)</source>
        <translation>Use version %d (%s)</translation>
    </message>
    <message>
        <source>&amp;Pertahankan hasil sekarang</source>
        <translation>&amp;Keep the current result</translation>
    </message>
    <message>
        <source>Merah: kolom yang diubah berbeda di dua laptop — pilih versi mana yang benar. Kuning: berbeda, sudah digabung otomatis (kolom Hasil sekarang). Memakai satu versi mengambil versi itu utuh, termasuk kolom kuning.</source>
        <translation>Red: a field changed differently on two laptops — choose which version is right. Yellow: different, already merged automatically (the Current result column). Using one version takes that version whole, yellow fields included.</translation>
    </message>
    <message>
        <source>Berat</source>
        <translation>Hard</translation>
    </message>
    <message>
        <source>Ringan</source>
        <translation>Soft</translation>
    </message>
    <message>
        <source>Konflik terbuka: %d berat, %d ringan</source>
        <translation>Open conflicts: %d hard, %d soft</translation>
    </message>
    <message>
        <source>Tidak ada konflik terbuka.</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <source> (pemenang)</source>
        <translation> (winner)</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Sebelumnya</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Hasil sekarang</source>
        <translation>Current result</translation>
    </message>
    <message>
        <source>menyelesaikan konflik</source>
        <translation>resolve a conflict</translation>
    </message>
    <message>
        <source>Konflik diselesaikan: %s. Pilihan ini ikut tersinkron ke laptop lain.</source>
        <translation>Conflict resolved: %s. This choice is synchronised to the other laptops too.</translation>
    </message>
</context>
<context>
    <name>ConsultationPanel</name>
    <message>
        <source>Catatan konsultasi (Ctrl+S)</source>
        <translation>Consultation notes (Ctrl+S)</translation>
    </message>
    <message>
        <source>Kode inovasi yang dibahas, mis. A01, A02</source>
        <translation>Codes of the innovations discussed, e.g. A01, A02</translation>
    </message>
    <message>
        <source>Pertanyaan desa</source>
        <translation>The desa&apos;s questions</translation>
    </message>
    <message>
        <source>Catatan konsultan, Enter = simpan</source>
        <translation>Consultant&apos;s notes, Enter = save</translation>
    </message>
    <message>
        <source>Simpan konsultasi</source>
        <translation>Save consultation</translation>
    </message>
    <message>
        <source>Inovasi dibahas</source>
        <translation>Innovations discussed</translation>
    </message>
    <message>
        <source>Pertanyaan</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Saran P2KTD</source>
        <translation>Suggested P2KTD</translation>
    </message>
    <message>
        <source>(tidak ada saran penyedia)</source>
        <translation>(no provider suggested)</translation>
    </message>
</context>
<context>
    <name>CountersPanel</name>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Wakil perempuan</source>
        <translation>Woman rep.</translation>
    </message>
    <message>
        <source>Kehadiran per desa</source>
        <translation>Attendance per desa</translation>
    </message>
    <message>
        <source>Tamu undangan</source>
        <translation>Invited guests</translation>
    </message>
    <message>
        <source>Diundang</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Desa hadir</source>
        <translation>Desa present</translation>
    </message>
    <message>
        <source>Kit diserahkan</source>
        <translation>Kits handed over</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>Hadir (%d batal tak dihitung)</source>
        <translation>Present (%d voided not counted)</translation>
    </message>
    <message>
        <source>Desa belum hadir (%d): %s</source>
        <translation>Desa not yet present (%d): %s</translation>
    </message>
    <message>
        <source>Desa tanpa perwakilan perempuan (%d): %s</source>
        <translation>Desa without a woman representative (%d): %s</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>mis. Bursa Inovasi Desa Kecamatan Gisting 2026</source>
        <translation>e.g. Bursa Inovasi Desa Kecamatan Gisting 2026</translation>
    </message>
    <message>
        <source>minimal 8 karakter; dibagikan ke laptop lain</source>
        <translation>at least 8 characters; shared with the other laptops</translation>
    </message>
    <message>
        <source>minimal 6 angka; untuk hapus, batal, pulihkan</source>
        <translation>at least 6 digits; for delete, void, restore</translation>
    </message>
    <message>
        <source>&amp;Nama acara</source>
        <translation>Event &amp;name</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Te&amp;mpat</source>
        <translation>&amp;Venue</translation>
    </message>
    <message>
        <source>&amp;Kata sandi acara</source>
        <translation>Event &amp;passphrase</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation>&amp;Repeat passphrase</translation>
    </message>
    <message>
        <source>P&amp;IN panitia</source>
        <translation>Committee P&amp;IN</translation>
    </message>
    <message>
        <source>Ulangi PI&amp;N</source>
        <translation>Repeat PI&amp;N</translation>
    </message>
    <message>
        <source>Kode &amp;stasiun</source>
        <translation>&amp;Station code</translation>
    </message>
    <message>
        <source>&amp;Peran laptop ini</source>
        <translation>R&amp;ole of this laptop</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jabatan lengkap</source>
        <translation>Full title</translation>
    </message>
    <message>
        <source>NIP (bila ada)</source>
        <translation>NIP (if any)</translation>
    </message>
    <message>
        <source>Penandatangan piagam</source>
        <translation>Piagam signatories</translation>
    </message>
    <message>
        <source>Kecamatan (daftar Kemendagri)</source>
        <translation>Kecamatan (Kemendagri list)</translation>
    </message>
    <message>
        <source>ketik nama kecamatan, mis. Gisting</source>
        <translation>type a kecamatan name, e.g. Gisting</translation>
    </message>
    <message>
        <source>Hasil (Enter / klik dua kali untuk menambah):</source>
        <translation>Results (Enter / double-click to add):</translation>
    </message>
    <message>
        <source>Kecamatan acara (Delete untuk menghapus):</source>
        <translation>Event&apos;s kecamatan (Delete to remove):</translation>
    </message>
    <message>
        <source>%d kecamatan, %d desa akan dimasukkan</source>
        <translation>%d kecamatan, %d desa will be added</translation>
    </message>
    <message>
        <source>— perhatian: kecamatan dari lebih dari satu kabupaten</source>
        <translation>— note: kecamatan from more than one kabupaten</translation>
    </message>
    <message>
        <source>Sertakan juga %d kelurahan (bukan desa; dokumennya memakai sebutan kelurahan)</source>
        <translation>Also include %d kelurahan (not desa; their documents use the kelurahan wording)</translation>
    </message>
    <message>
        <source>Kekuatan kata sandi: lemah — pakai 12+ karakter, campur kata dan angka</source>
        <translation>Passphrase strength: weak — use 12+ characters, mix words and digits</translation>
    </message>
    <message>
        <source>Kekuatan kata sandi: cukup</source>
        <translation>Passphrase strength: fair</translation>
    </message>
    <message>
        <source>Kekuatan kata sandi: kuat</source>
        <translation>Passphrase strength: strong</translation>
    </message>
    <message>
        <source>Kedua kata sandi berbeda</source>
        <translation>The two passphrases differ</translation>
    </message>
    <message>
        <source>Kedua PIN berbeda</source>
        <translation>The two PINs differ</translation>
    </message>
    <message>
        <source>PIN panitia wajib diisi (minimal 6 angka)</source>
        <translation>The committee PIN is required (at least 6 digits)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Rp komitmen per bursa</source>
        <translation>Rp committed per bursa</translation>
    </message>
    <message>
        <source>Rp komitmen per desa</source>
        <translation>Rp committed per desa</translation>
    </message>
    <message>
        <source>Inovasi dengan nilai tertinggi (rata-rata 1–5)</source>
        <translation>Top-rated innovations (mean 1–5)</translation>
    </message>
    <message>
        <source>Peserta hadir per desa</source>
        <translation>Participants present per desa</translation>
    </message>
    <message>
        <source>Perwakilan perempuan desa (hadir)</source>
        <translation>Desa woman representatives (attended)</translation>
    </message>
    <message>
        <source>Rp komitmen per kecamatan</source>
        <translation>Rp committed per kecamatan</translation>
    </message>
    <message>
        <source>Dasbor: %s</source>
        <translation>Dashboard: %s</translation>
    </message>
    <message>
        <source>Peserta hadir</source>
        <translation>Participants present</translation>
    </message>
    <message>
        <source>Desa hadir</source>
        <translation>Desa present</translation>
    </message>
    <message>
        <source>Komitmen</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>Total komitmen</source>
        <translation>Total committed</translation>
    </message>
    <message>
        <source>Kartu ide</source>
        <translation>Idea cards</translation>
    </message>
    <message>
        <source>Penilaian (rata-rata)</source>
        <translation>Ratings (mean)</translation>
    </message>
    <message>
        <source>Tindak lanjut terlambat</source>
        <translation>Overdue follow-ups</translation>
    </message>
    <message>
        <source>Belum ada komitmen</source>
        <translation>No commitments yet</translation>
    </message>
    <message>
        <source>(%d terbesar dari %d)</source>
        <translation>(top %d of %d)</translation>
    </message>
    <message>
        <source>Belum ada penilaian</source>
        <translation>No ratings yet</translation>
    </message>
    <message>
        <source>Belum ada yang hadir</source>
        <translation>Nobody present yet</translation>
    </message>
    <message>
        <source>Desa dengan perwakilan perempuan hadir: %d dari %d</source>
        <translation>Desa whose woman representative attended: %d of %d</translation>
    </message>
    <message>
        <source>Perwakilan perempuan yang hadir: %d orang</source>
        <translation>Woman representatives who attended: %d</translation>
    </message>
    <message>
        <source>Perempuan lain yang hadir: %d orang</source>
        <translation>Other women who attended: %d</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Kesamaan</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <source>&amp;Muat ulang (F5)</source>
        <translation>&amp;Reload (F5)</translation>
    </message>
    <message>
        <source>Pilih kemungkinan duplikat di daftar kiri.</source>
        <translation>Choose a likely duplicate in the list on the left.</translation>
    </message>
    <message>
        <source>Kuning: kolom yang berbeda. &quot;Orang yang sama&quot; memakai satu nomor peserta dan membatalkan yang lain (tidak dihapus); keputusan ikut tersinkron.</source>
        <translation>Yellow: differing fields. &quot;Same person&quot; keeps one participant number and voids the others (nothing is deleted); the decision is synchronised too.</translation>
    </message>
    <message>
        <source>&amp;Orang yang sama</source>
        <translation>&amp;Same person</translation>
    </message>
    <message>
        <source>Bu&amp;kan orang yang sama</source>
        <translation>N&amp;ot the same person</translation>
    </message>
    <message>
        <source>nama + desa</source>
        <translation>name + desa</translation>
    </message>
    <message>
        <source>telepon</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>nama + jabatan</source>
        <translation>name + position</translation>
    </message>
    <message>
        <source>Kemungkinan orang yang sama: %d kelompok</source>
        <translation>Possibly the same person: %d groups</translation>
    </message>
    <message>
        <source>Tidak ada kemungkinan duplikat.</source>
        <translation>No likely duplicates.</translation>
    </message>
    <message>
        <source>%d peserta, sama pada: %s</source>
        <translation>%d participants, same: %s</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Peserta %d</source>
        <translation>Participant %d</translation>
    </message>
    <message>
        <source>(nomor ini dipakai jika sama)</source>
        <translation>(this number is kept if the same)</translation>
    </message>
    <message>
        <source>menandai orang yang sama</source>
        <translation>mark as the same person</translation>
    </message>
    <message>
        <source>menandai bukan orang yang sama</source>
        <translation>mark as not the same person</translation>
    </message>
    <message>
        <source>Dicatat: bukan orang yang sama (%s).</source>
        <translation>Recorded: not the same person (%s).</translation>
    </message>
    <message>
        <source>Digabung: nomor %s dipakai, yang lain dibatalkan.</source>
        <translation>Merged: number %s kept, the others voided.</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>Pindai badge Kepala Desa, atau ketik kode / nama desa… lalu Enter</source>
        <translation>Scan the Kepala Desa&apos;s badge, or type the desa code / name… then Enter</translation>
    </message>
    <message>
        <source>Siap. Pindai badge Kepala Desa.</source>
        <translation>Ready. Scan the Kepala Desa&apos;s badge.</translation>
    </message>
    <message>
        <source>Belum ada desa dipilih</source>
        <translation>No desa chosen yet</translation>
    </message>
    <message>
        <source>Piagam</source>
        <translation>Piagam</translation>
    </message>
    <message>
        <source>Kartu Komitmen diterima (F3)</source>
        <translation>Kartu Komitmen received (F3)</translation>
    </message>
    <message>
        <source>Kirim langsung ke printer</source>
        <translation>Send straight to the printer</translation>
    </message>
    <message>
        <source>Cetak piagam</source>
        <translation>Print piagam</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Cetak ulang SALINAN</source>
        <translation>Reprint as COPY</translation>
    </message>
    <message>
        <source>Lampirkan foto…</source>
        <translation>Attach photo…</translation>
    </message>
    <message>
        <source>Belum ada foto serah terima</source>
        <translation>No handover photo yet</translation>
    </message>
    <message>
        <source>Pindai badge Kepala Desa dulu.</source>
        <translation>Scan the Kepala Desa&apos;s badge first.</translation>
    </message>
    <message>
        <source>Desa %s — Kec. %s</source>
        <translation>Desa %s — Kec. %s</translation>
    </message>
    <message>
        <source>(belum tercatat)</source>
        <translation>(not recorded yet)</translation>
    </message>
    <message>
        <source>Kepala Desa: %s · Kode desa %s</source>
        <translation>Kepala Desa: %s · desa code %s</translation>
    </message>
    <message>
        <source>%d komitmen · %s — %s</source>
        <translation>%d commitments · %s — %s</translation>
    </message>
    <message>
        <source>Belum ada komitmen untuk desa ini di laptop ini: tambahkan dari kartu.</source>
        <translation>No commitments for this desa on this laptop yet: add them from the card.</translation>
    </message>
    <message>
        <source>Cetak ulang SALINAN (daftar baru)</source>
        <translation>Reprint COPY (new list)</translation>
    </message>
    <message>
        <source>Piagam belum dibuat.</source>
        <translation>No piagam made yet.</translation>
    </message>
    <message>
        <source>Nomor %s · belum dicetak</source>
        <translation>Number %s · not printed yet</translation>
    </message>
    <message>
        <source>Nomor %s · dicetak %d× (pertama %s)</source>
        <translation>Number %s · printed %d× (first %s)</translation>
    </message>
    <message>
        <source> — piagam yang tercetak tidak memuat semua komitmen desa ini: cetak ulang SALINAN dengan daftar baru (Ctrl+Shift+P)</source>
        <translation> — the printed piagam does not list every commitment of this desa: reprint a COPY with the new list (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>✓ Ditambahkan dari kartu: %s %s — %s</source>
        <translation>✓ Added from the card: %s %s — %s</translation>
    </message>
    <message>
        <source>Piagam %s sudah dicetak %d× tanpa komitmen ini: cetak ulang SALINAN dengan daftar baru (Ctrl+Shift+P)</source>
        <translation>Piagam %s was printed %d× without this commitment: reprint a COPY with the new list (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Periksa dulu</source>
        <translation>Please check</translation>
    </message>
    <message>
        <source>Ya, tambahkan</source>
        <translation>Yes, add it</translation>
    </message>
    <message>
        <source>✓ Kartu Komitmen diterima</source>
        <translation>✓ Kartu Komitmen received</translation>
    </message>
    <message>
        <source>Kartu Komitmen ditandai belum diterima</source>
        <translation>Kartu Komitmen marked as not received</translation>
    </message>
    <message>
        <source> — Kepala Desa %s</source>
        <translation> — Kepala Desa %s</translation>
    </message>
    <message>
        <source> — badge %s, bukan Kepala Desa</source>
        <translation> — badge %s, not the Kepala Desa</translation>
    </message>
    <message>
        <source>Desa %s%s</source>
        <translation>Desa %s%s</translation>
    </message>
    <message>
        <source> · piagam %s SUDAH dicetak (%d×)</source>
        <translation> · piagam %s ALREADY printed (%d×)</translation>
    </message>
    <message>
        <source> · belum ada komitmen di laptop ini — tambahkan dari kartu (F2)</source>
        <translation> · no commitments on this laptop yet — add them from the card (F2)</translation>
    </message>
    <message>
        <source> · %d komitmen</source>
        <translation> · %d commitments</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Paket berisi semua data yang diketahui laptop ini (termasuk yang diimpor dari laptop lain), terenkripsi dengan frasa sandi acara. Simpan ke flashdisk, lalu impor di laptop Sinkronisasi.</source>
        <translation>The package holds everything this laptop knows (including what it imported from other laptops), encrypted with the event passphrase. Save it to a USB stick, then import it on the Sinkronisasi laptop.</translation>
    </message>
    <message>
        <source>Folder tujuan, misalnya flashdisk</source>
        <translation>Target folder, e.g. a USB stick</translation>
    </message>
    <message>
        <source>&amp;Pilih folder…</source>
        <translation>&amp;Choose folder…</translation>
    </message>
    <message>
        <source>&amp;Folder tujuan:</source>
        <translation>Target &amp;folder:</translation>
    </message>
    <message>
        <source>&amp;Ekspor paket laptop ini</source>
        <translation>&amp;Export this laptop&apos;s package</translation>
    </message>
    <message>
        <source>Paket di folder ini</source>
        <translation>Packages in this folder</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Pilih folder tujuan (flashdisk)</source>
        <translation>Choose the target folder (USB stick)</translation>
    </message>
    <message>
        <source>%d paket di %s</source>
        <translation>%d packages in %s</translation>
    </message>
    <message>
        <source>Stasiun %s: %d perubahan belum diekspor.</source>
        <translation>Station %s: %d changes not yet exported.</translation>
    </message>
    <message>
        <source>Pilih folder tujuan yang ada (misalnya flashdisk) dulu.</source>
        <translation>Choose an existing target folder (e.g. a USB stick) first.</translation>
    </message>
    <message>
        <source>Mengekspor paket…</source>
        <translation>Exporting the package…</translation>
    </message>
    <message>
        <source>%d paket acara ditulis (%d versi), satu per acara.</source>
        <translation>%d event packages written (%d versions), one per event.</translation>
    </message>
    <message>
        <source>Paket ditulis: %s (%d versi).</source>
        <translation>Package written: %s (%d versions).</translation>
    </message>
    <message>
        <source>Lokasi: %s</source>
        <translation>Location: %s</translation>
    </message>
</context>
<context>
    <name>FollowUpForm</name>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Pilih komitmen di daftar.</source>
        <translation>Choose a commitment in the list.</translation>
    </message>
    <message>
        <source>Sudah dihubungi pada</source>
        <translation>Contacted on</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Masuk RKP Desa</source>
        <translation>In the RKP Desa</translation>
    </message>
    <message>
        <source>Terealisasi</source>
        <translation>Realised</translation>
    </message>
    <message>
        <source>(otomatis dari isian)</source>
        <translation>(automatic from the fields)</translation>
    </message>
    <message>
        <source>Simpan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Dihubungi melalui (PD/PLD)</source>
        <translation>Contacted via (PD/PLD)</translation>
    </message>
    <message>
        <source>Kendala</source>
        <translation>Obstacles</translation>
    </message>
    <message>
        <source>Kebutuhan</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Status RAB</source>
        <translation>RAB status</translation>
    </message>
    <message>
        <source>Status proposal</source>
        <translation>Proposal status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>jatuh tempo %s</source>
        <translation>due %s</translation>
    </message>
    <message>
        <source>TERLAMBAT</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>(belum tercatat)</source>
        <translation>(not recorded yet)</translation>
    </message>
    <message>
        <source>tanpa nomor HP</source>
        <translation>no phone number</translation>
    </message>
    <message>
        <source>belum ada di daftar peserta</source>
        <translation>not on the participant list yet</translation>
    </message>
    <message>
        <source>Kepala Desa: %s (%s) · PD/PLD: %s</source>
        <translation>Kepala Desa: %s (%s) · PD/PLD: %s</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Kepala Desa · HP</source>
        <translation>Kepala Desa · phone</translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>Bursa</source>
        <translation>Bursa</translation>
    </message>
    <message>
        <source>Anggaran</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kontak via</source>
        <translation>Contact via</translation>
    </message>
    <message>
        <source>PD/PLD</source>
        <translation>PD/PLD</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>Semua kecamatan</source>
        <translation>All kecamatan</translation>
    </message>
    <message>
        <source>Semua desa</source>
        <translation>All desa</translation>
    </message>
    <message>
        <source>Semua bursa</source>
        <translation>All bursa</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Hanya yang terlambat</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Cari desa, kepala desa, inovasi…</source>
        <translation>Search desa, village head, innovation…</translation>
    </message>
    <message>
        <source>Tampilkan %d lagi</source>
        <translation>Show %d more</translation>
    </message>
    <message>
        <source>%d dari %d komitmen</source>
        <translation>%d of %d commitments</translation>
    </message>
    <message>
        <source>terlambat: %d</source>
        <translation>overdue: %d</translation>
    </message>
    <message>
        <source>* perkiraan: libur tahun %s belum ditetapkan (SKB cuti bersama), tanggal bisa bergeser</source>
        <translation>* estimate: the holidays of %s are not decreed yet (SKB cuti bersama), dates may shift</translation>
    </message>
    <message>
        <source>Tindak lanjut disimpan: %s</source>
        <translation>Follow-up saved: %s</translation>
    </message>
</context>
<context>
    <name>IdeaFormBox</name>
    <message>
        <source>Nama atau kode desa (boleh kosong)</source>
        <translation>Desa name or code (may be empty)</translation>
    </message>
    <message>
        <source>Inovasi apa, di mana, bagaimana caranya</source>
        <translation>What innovation, where, how</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Hasil yang sudah terlihat (bila sudah dilaksanakan)</source>
        <translation>Results seen so far (if already carried out)</translation>
    </message>
    <message>
        <source>Pengusul</source>
        <translation>Proposer</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Judul ide</source>
        <translation>Idea title</translation>
    </message>
    <message>
        <source>Deskripsi</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Sudah dilaksanakan</source>
        <translation>Already carried out</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Kartu Ide baru</source>
        <translation>New Kartu Ide</translation>
    </message>
    <message>
        <source>Ubah kartu ide: %s</source>
        <translation>Edit idea card: %s</translation>
    </message>
</context>
<context>
    <name>IdeaModel</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Pengusul</source>
        <translation>Proposer</translation>
    </message>
    <message>
        <source>Judul ide</source>
        <translation>Idea title</translation>
    </message>
    <message>
        <source>Dilaksanakan</source>
        <translation>Carried out</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Verifikasi</source>
        <translation>Verification</translation>
    </message>
</context>
<context>
    <name>IdeaPage</name>
    <message>
        <source>Semua kecamatan</source>
        <translation>All kecamatan</translation>
    </message>
    <message>
        <source>Semua kartu ide</source>
        <translation>All idea cards</translation>
    </message>
    <message>
        <source>Belum diverifikasi</source>
        <translation>Not verified yet</translation>
    </message>
    <message>
        <source>Sudah diverifikasi</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Cari judul ide atau pengusul…</source>
        <translation>Search idea title or proposer…</translation>
    </message>
    <message>
        <source>Tampilkan %d lagi</source>
        <translation>Show %d more</translation>
    </message>
    <message>
        <source>%d dari %d kartu ide</source>
        <translation>%d of %d idea cards</translation>
    </message>
    <message>
        <source>Verifikasi disimpan: %s</source>
        <translation>Verification saved: %s</translation>
    </message>
</context>
<context>
    <name>IdeasModel</name>
    <message>
        <source>Judul ide</source>
        <translation>Idea title</translation>
    </message>
    <message>
        <source>Pengusul</source>
        <translation>Proposer</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Terlaksana</source>
        <translation>Carried out</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>BATAL</source>
        <translation>VOID</translation>
    </message>
</context>
<context>
    <name>IdeasPage</name>
    <message>
        <source>Pindai badge pengusul, atau ketik namanya… lalu Enter</source>
        <translation>Scan the proposer&apos;s badge, or type the name… then Enter</translation>
    </message>
    <message>
        <source>Siap menerima Kartu Ide. Pindai badge pengusul.</source>
        <translation>Ready for Kartu Ide. Scan the proposer&apos;s badge.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Kartu baru</source>
        <translation>New card</translation>
    </message>
    <message>
        <source>Impor kartu dari xlsx…</source>
        <translation>Import cards from xlsx…</translation>
    </message>
    <message>
        <source>Templat xlsx…</source>
        <translation>xlsx template…</translation>
    </message>
    <message>
        <source>Kartu Ide yang ditulis di kertas dan diketik ulang:</source>
        <translation>Kartu Ide written on paper and typed in later:</translation>
    </message>
    <message>
        <source>Saring: judul, pengusul, desa</source>
        <translation>Filter: title, proposer, desa</translation>
    </message>
    <message>
        <source>Ubah terpilih</source>
        <translation>Edit selected</translation>
    </message>
    <message>
        <source>Batalkan terpilih…</source>
        <translation>Void selected…</translation>
    </message>
    <message>
        <source>Bukan nomor badge: “%s” dipakai sebagai nama pengusul — isi desanya</source>
        <translation>Not a badge number: “%s” is used as the proposer&apos;s name — fill in the desa</translation>
    </message>
    <message>
        <source>✓ Pengusul: %s (%s) %s — isi judul ide</source>
        <translation>✓ Proposer: %s (%s) %s — fill in the idea title</translation>
    </message>
    <message>
        <source>diubah</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>diterima</source>
        <translation>received</translation>
    </message>
    <message>
        <source>✓ Kartu Ide %s: “%s” dari %s</source>
        <translation>✓ Kartu Ide %s: “%s” from %s</translation>
    </message>
    <message>
        <source>Pilih kartu ide di daftar dulu (Ctrl+L).</source>
        <translation>Choose an idea card in the list first (Ctrl+L).</translation>
    </message>
    <message>
        <source>Kartu ini sudah dibatalkan.</source>
        <translation>This card is already void.</translation>
    </message>
    <message>
        <source>Mengubah “%s” — Ctrl+Enter untuk menyimpan</source>
        <translation>Editing “%s” — Ctrl+Enter to save</translation>
    </message>
    <message>
        <source>batalkan kartu ide</source>
        <translation>void an idea card</translation>
    </message>
    <message>
        <source>Batalkan kartu ide</source>
        <translation>Void idea card</translation>
    </message>
    <message>
        <source>Kartu ide dibatalkan: “%s”</source>
        <translation>Idea card voided: “%s”</translation>
    </message>
    <message>
        <source>%d dari %d kartu ide</source>
        <translation>%d of %d idea cards</translation>
    </message>
</context>
<context>
    <name>ImportLogPage</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Stasiun</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Versi baru / isi</source>
        <translation>New versions / total</translation>
    </message>
    <message>
        <source>Ditambah</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Diubah</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Sidik paket (SHA-256)</source>
        <translation>Package fingerprint (SHA-256)</translation>
    </message>
    <message>
        <source>&amp;Muat ulang (F5)</source>
        <translation>&amp;Reload (F5)</translation>
    </message>
    <message>
        <source>Digabung</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Tidak ada yang baru</source>
        <translation>Nothing new</translation>
    </message>
    <message>
        <source>%d impor terbaru</source>
        <translation>%d latest imports</translation>
    </message>
    <message>
        <source>%d paket pernah diimpor</source>
        <translation>%d packages imported so far</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Paket</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Stasiun</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Versi baru / isi</source>
        <translation>New versions / total</translation>
    </message>
    <message>
        <source>Ditambah</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Diubah</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Dihapus</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Konflik berat</source>
        <translation>Hard conflicts</translation>
    </message>
    <message>
        <source>Konflik ringan</source>
        <translation>Soft conflicts</translation>
    </message>
    <message>
        <source>Calon duplikat</source>
        <translation>Likely duplicates</translation>
    </message>
    <message>
        <source>Sudah pernah diimpor</source>
        <translation>Imported before</translation>
    </message>
    <message>
        <source>Pilih satu atau beberapa paket .bidsync dari laptop lain. Pratinjau dulu (tidak ada yang diubah), lalu Gabungkan. Cadangan dibuat otomatis sebelum penggabungan.</source>
        <translation>Choose one or more .bidsync packages from other laptops. Preview first (nothing is changed), then Merge. A backup is made automatically before merging.</translation>
    </message>
    <message>
        <source>&amp;Pilih paket…</source>
        <translation>&amp;Choose packages…</translation>
    </message>
    <message>
        <source>&amp;Hapus dari daftar (Del)</source>
        <translation>&amp;Remove from the list (Del)</translation>
    </message>
    <message>
        <source>P&amp;ratinjau (uji coba)</source>
        <translation>P&amp;review (dry run)</translation>
    </message>
    <message>
        <source>&amp;Gabungkan</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Pilih paket dari laptop lain</source>
        <translation>Choose packages from other laptops</translation>
    </message>
    <message>
        <source>Paket BID (*%s)</source>
        <translation>BID packages (*%s)</translation>
    </message>
    <message>
        <source>Acara baru</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Paket %s dari acara yang belum ada di basis data ini.
Kata sandi acara tersebut:</source>
        <translation>Package %s is from an event not yet in this database.
That event&apos;s passphrase:</translation>
    </message>
    <message>
        <source>Pratinjau paket…</source>
        <translation>Previewing packages…</translation>
    </message>
    <message>
        <source>Menggabungkan paket…</source>
        <translation>Merging packages…</translation>
    </message>
    <message>
        <source>Pratinjau selesai; belum ada yang diubah. Tekan Gabungkan untuk menerapkan.</source>
        <translation>Preview done; nothing changed yet. Press Merge to apply.</translation>
    </message>
    <message>
        <source>Tidak ada yang diubah pada basis data ini.</source>
        <translation>Nothing was changed in this database.</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada yang diubah.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>%d paket digabung.</source>
        <translation>%d packages merged.</translation>
    </message>
    <message>
        <source>Cadangan sebelum penggabungan: %s</source>
        <translation>Backup before the merge: %s</translation>
    </message>
    <message>
        <source>Periksa %d konflik berat (Alt+4) dan %d calon duplikat (Alt+5).</source>
        <translation>Review %d hard conflicts (Alt+4) and %d likely duplicates (Alt+5).</translation>
    </message>
    <message>
        <source>%d nomor peserta atau seri piagam dipakai dua data (nomor ganda); periksa dengan bid-desktop check.</source>
        <translation>%d participant numbers or piagam serials are held by two records (numbers given twice); look with bid-desktop check.</translation>
    </message>
    <message>
        <source>Jika digabung:</source>
        <translation>If merged:</translation>
    </message>
    <message>
        <source>Hasil:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>%d versi baru, %d data ditambah, %d diubah, %d dihapus; konflik %d berat, %d ringan; %d kelompok calon duplikat.</source>
        <translation>%d new versions, %d records added, %d changed, %d deleted; conflicts %d hard, %d soft; %d groups of likely duplicates.</translation>
    </message>
</context>
<context>
    <name>InnovationDialog</name>
    <message>
        <source>Ubah inovasi</source>
        <translation>Edit innovation</translation>
    </message>
    <message>
        <source>Inovasi baru</source>
        <translation>New innovation</translation>
    </message>
    <message>
        <source>(belum ada penyedia)</source>
        <translation>(no provider yet)</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Judul inovasi</source>
        <translation>Innovation title</translation>
    </message>
    <message>
        <source>Bursa</source>
        <translation>Bursa</translation>
    </message>
    <message>
        <source>Desa asal</source>
        <translation>Desa of origin</translation>
    </message>
    <message>
        <source>Kabupaten asal</source>
        <translation>Kabupaten of origin</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Perkiraan biaya (Rp)</source>
        <translation>Estimated cost (Rp)</translation>
    </message>
    <message>
        <source>Penyedia (P2KTD)</source>
        <translation>Provider (P2KTD)</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
</context>
<context>
    <name>Jendela3Tab</name>
    <message>
        <source>Jendela 3</source>
        <translation>Jendela 3 (piagam)</translation>
    </message>
    <message>
        <source>Piagam &amp;&amp; Kartu Komitmen (Alt+1)</source>
        <translation>Piagam &amp;&amp; Kartu Komitmen (Alt+1)</translation>
    </message>
    <message>
        <source>Kartu Ide (Alt+2)</source>
        <translation>Kartu Ide (Alt+2)</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>berkas .bidsync dari laptop lain (flashdisk)</source>
        <translation>a .bidsync file from another laptop (USB stick)</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>mis. REG2, MKA1, J3A, TA</source>
        <translation>e.g. REG2, MKA1, J3A, TA</translation>
    </message>
    <message>
        <source>&amp;Paket acara</source>
        <translation>Event &amp;package</translation>
    </message>
    <message>
        <source>&amp;Kata sandi acara</source>
        <translation>Event &amp;passphrase</translation>
    </message>
    <message>
        <source>Kode &amp;stasiun</source>
        <translation>&amp;Station code</translation>
    </message>
    <message>
        <source>&amp;Peran laptop ini</source>
        <translation>R&amp;ole of this laptop</translation>
    </message>
    <message>
        <source>Laptop pertama membuat acara dan mengekspor paket. Laptop lain bergabung dengan paket itu dan kata sandinya, lalu memilih kode stasiunnya sendiri (unik per laptop).</source>
        <translation>The first laptop creates the event and exports a package. Other laptops join with that package and its passphrase, then choose their own station code (unique per laptop).</translation>
    </message>
    <message>
        <source>Modul sinkronisasi belum terpasang: gabung acara belum bisa dilakukan.</source>
        <translation>The synchronisation module is not installed: joining an event is not possible yet.</translation>
    </message>
    <message>
        <source>Pilih paket acara</source>
        <translation>Choose the event package</translation>
    </message>
    <message>
        <source>Paket BID (*.bidsync);;Semua berkas (*)</source>
        <translation>BID packages (*.bidsync);;All files (*)</translation>
    </message>
    <message>
        <source>Pilih berkas paket acara yang ada</source>
        <translation>Choose an existing event package file</translation>
    </message>
    <message>
        <source>Kode stasiun wajib diisi</source>
        <translation>The station code is required</translation>
    </message>
</context>
<context>
    <name>KabupatenTable</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Desa hadir</source>
        <translation>Desa present</translation>
    </message>
    <message>
        <source>Perwakilan perempuan</source>
        <translation>Women representatives</translation>
    </message>
    <message>
        <source>Komitmen</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>Anggaran</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Ide</source>
        <translation>Ideas</translation>
    </message>
    <message>
        <source>Dihubungi</source>
        <translation>Contacted</translation>
    </message>
    <message>
        <source>Masuk RKP Desa</source>
        <translation>In RKP Desa</translation>
    </message>
    <message>
        <source>Terealisasi</source>
        <translation>Realised</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <source>%d baris</source>
        <translation>%d rows</translation>
    </message>
</context>
<context>
    <name>LiveSync</name>
    <message>
        <source>Konflik keras baru pada %d cap komitmen (dari %s): periksa di Sinkronisasi</source>
        <translation>New hard conflict on %d commitment stamp(s) (from %s): check in Synchronisation</translation>
    </message>
    <message>
        <source>Konflik keras baru dari %s: %d catatan, periksa di Sinkronisasi</source>
        <translation>New hard conflict from %s: %d record(s), check in Synchronisation</translation>
    </message>
    <message>
        <source>Langsung: tidak dapat dimulai</source>
        <translation>Live: could not start</translation>
    </message>
    <message>
        <source>Langsung: menyiapkan…</source>
        <translation>Live: starting…</translation>
    </message>
    <message>
        <source>Langsung: mati</source>
        <translation>Live: off</translation>
    </message>
    <message>
        <source>Langsung: mencari laptop lain…</source>
        <translation>Live: looking for other laptops…</translation>
    </message>
    <message>
        <source>Langsung: %s</source>
        <translation>Live: %s</translation>
    </message>
    <message>
        <source>Alamat laptop ini: %s</source>
        <translation>This laptop&apos;s address: %s</translation>
    </message>
    <message>
        <source>%s tertinggal %d</source>
        <translation>%s behind by %d</translation>
    </message>
    <message>
        <source>%s sinkron</source>
        <translation>%s in sync</translation>
    </message>
    <message>
        <source>%s ditolak</source>
        <translation>%s refused</translation>
    </message>
    <message>
        <source>%s tak terjangkau</source>
        <translation>%s unreachable</translation>
    </message>
    <message>
        <source>%s menghubungkan</source>
        <translation>%s connecting</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Registrasi</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Ruang Bursa</source>
        <translation>Bursa rooms</translation>
    </message>
    <message>
        <source>Meja Konsultasi</source>
        <translation>Consultation table</translation>
    </message>
    <message>
        <source>Jendela 3</source>
        <translation>Jendela 3 (piagam)</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Rekap &amp;&amp; Tindak Lanjut</source>
        <translation>Recap &amp;&amp; Follow-up</translation>
    </message>
    <message>
        <source>&amp;Acara</source>
        <translation>&amp;Event</translation>
    </message>
    <message>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Stasiun</source>
        <translation>S&amp;tation</translation>
    </message>
    <message>
        <source>&amp;Bantuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Panduan pengguna</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>Sinkron &amp;langsung (jaringan lokal)</source>
        <translation>&amp;Live sync (local network)</translation>
    </message>
    <message>
        <source>Tambah alamat laptop lain…</source>
        <translation>Add another laptop&apos;s address…</translation>
    </message>
    <message>
        <source>Alamat laptop lain</source>
        <translation>Another laptop&apos;s address</translation>
    </message>
    <message>
        <source>Alamat dan port (contoh 192.168.43.12:8765), tertera di laptop itu:</source>
        <translation>Address and port (e.g. 192.168.43.12:8765), shown on that laptop:</translation>
    </message>
    <message>
        <source>Panduan</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>Panduan tidak ditemukan.</source>
        <translation>The user guide was not found.</translation>
    </message>
    <message>
        <source>Periksa jam laptop</source>
        <translation>Check the laptop&apos;s clock</translation>
    </message>
    <message>
        <source>Acara: %s</source>
        <translation>Event: %s</translation>
    </message>
    <message>
        <source>Stasiun: %s (%s)</source>
        <translation>Station: %s (%s)</translation>
    </message>
    <message>
        <source>Basis data: %s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <source>belum</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Cadangan terakhir: %s</source>
        <translation>Last backup: %s</translation>
    </message>
    <message>
        <source>Belum diekspor: %d perubahan</source>
        <translation>Not yet exported: %d changes</translation>
    </message>
    <message>
        <source>Data diperbarui dari luar jendela ini (impor / merge).</source>
        <translation>Data updated from outside this window (import / merge).</translation>
    </message>
</context>
<context>
    <name>MejaTab</name>
    <message>
        <source>Meja Konsultasi</source>
        <translation>Consultation table</translation>
    </message>
    <message>
        <source>Pindai badge Kepala Desa, atau ketik nama / kode desa, lalu Enter</source>
        <translation>Scan the Kepala Desa&apos;s badge, or type the desa name / code, then Enter</translation>
    </message>
    <message>
        <source>Belum ada desa di meja.</source>
        <translation>No desa at the table yet.</translation>
    </message>
    <message>
        <source>Batalkan cap terpilih… (Ctrl+Del)</source>
        <translation>Void the selected stamp… (Ctrl+Del)</translation>
    </message>
    <message>
        <source>Impor kartu komitmen (xlsx)… (Ctrl+I)</source>
        <translation>Import commitment cards (xlsx)… (Ctrl+I)</translation>
    </message>
    <message>
        <source>Templat kartu (Ctrl+T)</source>
        <translation>Card template (Ctrl+T)</translation>
    </message>
    <message>
        <source>Cap di meja ini (Ctrl+L)</source>
        <translation>Stamps at this table (Ctrl+L)</translation>
    </message>
    <message>
        <source>— pilih desa —</source>
        <translation>— choose a desa —</translation>
    </message>
    <message>
        <source>Tetapkan dulu meja laptop ini: tekan Ctrl+M.</source>
        <translation>First set this laptop&apos;s table: press Ctrl+M.</translation>
    </message>
    <message>
        <source>%d komitmen sah, total %s</source>
        <translation>%d valid commitments, total %s</translation>
    </message>
    <message>
        <source>Periksa dulu</source>
        <translation>Please check</translation>
    </message>
    <message>
        <source>Ya, cap</source>
        <translation>Yes, stamp</translation>
    </message>
    <message>
        <source>Belum dicap: %s</source>
        <translation>Not stamped: %s</translation>
    </message>
    <message>
        <source>Laptop ini sekarang Meja %s.</source>
        <translation>This laptop is now Table %s.</translation>
    </message>
    <message>
        <source>%s bukan Kepala Desa — komitmen tetap atas nama Desa %s.</source>
        <translation>%s is not the Kepala Desa — the commitment is still in the name of Desa %s.</translation>
    </message>
    <message>
        <source>Desa %s — ketik kode inovasi lalu Enter.</source>
        <translation>Desa %s — type the innovation code, then Enter.</translation>
    </message>
    <message>
        <source>(belum terdaftar)</source>
        <translation>(not registered yet)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Desa %s&lt;/b&gt; (%s), Kec. %s · Kepala Desa: %s · sudah berkomitmen: %s</source>
        <translation>&lt;b&gt;Desa %s&lt;/b&gt; (%s), Kec. %s · Kepala Desa: %s · committed so far: %s</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Tetapkan dulu meja laptop ini: Ctrl+M.</source>
        <translation>First set this laptop&apos;s table: Ctrl+M.</translation>
    </message>
    <message>
        <source>Pindai badge Kepala Desa atau pilih desa dulu.</source>
        <translation>Scan the Kepala Desa&apos;s badge or choose a desa first.</translation>
    </message>
    <message>
        <source>Dicap: Desa %s — %s %s, %s (%s), tahun %s</source>
        <translation>Stamped: Desa %s — %s %s, %s (%s), year %s</translation>
    </message>
    <message>
        <source>Diperbarui: Desa %s — %s %s, %s (%s), tahun %s</source>
        <translation>Updated: Desa %s — %s %s, %s (%s), year %s</translation>
    </message>
    <message>
        <source>Sudah tercatat sama: Desa %s — %s %s, %s (%s), tahun %s</source>
        <translation>Already recorded the same: Desa %s — %s %s, %s (%s), year %s</translation>
    </message>
    <message>
        <source>Konsultasi Desa %s tersimpan.</source>
        <translation>Consultation of Desa %s saved.</translation>
    </message>
    <message>
        <source>Pilih cap di daftar dulu (Ctrl+L, ↑/↓).</source>
        <translation>Choose a stamp in the list first (Ctrl+L, ↑/↓).</translation>
    </message>
    <message>
        <source>Cap ini sudah dibatalkan.</source>
        <translation>This stamp is already void.</translation>
    </message>
    <message>
        <source>batalkan cap %s Desa %s</source>
        <translation>void stamp %s of Desa %s</translation>
    </message>
    <message>
        <source>Cap dibatalkan: %s Desa %s (alasan: %s).</source>
        <translation>Stamp voided: %s Desa %s (reason: %s).</translation>
    </message>
</context>
<context>
    <name>MenuPanel</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Bursa</source>
        <translation>Bursa</translation>
    </message>
    <message>
        <source>Judul inovasi</source>
        <translation>Innovation title</translation>
    </message>
    <message>
        <source>Desa asal</source>
        <translation>Desa of origin</translation>
    </message>
    <message>
        <source>Perkiraan biaya</source>
        <translation>Estimated cost</translation>
    </message>
    <message>
        <source>Penyedia (P2KTD)</source>
        <translation>Provider (P2KTD)</translation>
    </message>
    <message>
        <source>Cari kode atau judul… (Enter/F4 ubah)</source>
        <translation>Search code or title… (Enter/F4 to edit)</translation>
    </message>
    <message>
        <source>Semua bursa</source>
        <translation>All bursa</translation>
    </message>
    <message>
        <source>Tambah (Ctrl+N)</source>
        <translation>Add (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ubah (F4)</source>
        <translation>Edit (F4)</translation>
    </message>
    <message>
        <source>Hapus dari menu…</source>
        <translation>Remove from the menu…</translation>
    </message>
    <message>
        <source>Impor xlsx…</source>
        <translation>Import xlsx…</translation>
    </message>
    <message>
        <source>Templat</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Menu per bursa. Enter/F4 mengubah baris terpilih, Ctrl+N menambah; menu lengkap dapat diimpor dari templat xlsx.</source>
        <translation>Menu per bursa. Enter/F4 edits the selected row, Ctrl+N adds one; a whole menu can be imported from the xlsx template.</translation>
    </message>
    <message>
        <source>Pilih inovasi dulu.</source>
        <translation>Choose an innovation first.</translation>
    </message>
    <message>
        <source>Tersimpan: %s — %s</source>
        <translation>Saved: %s — %s</translation>
    </message>
    <message>
        <source>hapus %s dari menu</source>
        <translation>remove %s from the menu</translation>
    </message>
    <message>
        <source>%s dihapus dari menu (tercatat di log).</source>
        <translation>%s removed from the menu (recorded in the log).</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>BATAL</source>
        <translation>VOID</translation>
    </message>
    <message>
        <source>hadir %s</source>
        <translation>present %s</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Desa / Instansi</source>
        <translation>Desa / Institution</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Kehadiran</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Peserta baru (walk-in)</source>
        <translation>New participant (walk-in)</translation>
    </message>
    <message>
        <source>Koreksi peserta</source>
        <translation>Correct participant</translation>
    </message>
    <message>
        <source>Perwakilan perempuan desa</source>
        <translation>Woman representative of the desa</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Jabatan</source>
        <translation>&amp;Position</translation>
    </message>
    <message>
        <source>&amp;L/P</source>
        <translation>&amp;M/F</translation>
    </message>
    <message>
        <source>&amp;Desa</source>
        <translation>&amp;Desa</translation>
    </message>
    <message>
        <source>&amp;Instansi</source>
        <translation>&amp;Institution</translation>
    </message>
    <message>
        <source>No &amp;HP</source>
        <translation>Mobile &amp;phone</translation>
    </message>
    <message>
        <source>&amp;Kategori</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>Kategori &amp;tamu</source>
        <translation>&amp;Guest category</translation>
    </message>
    <message>
        <source>Cetak badge setelah disimpan</source>
        <translation>Print the badge after saving</translation>
    </message>
    <message>
        <source>Simpan &amp;&amp; hadir</source>
        <translation>Save &amp;&amp; check in</translation>
    </message>
    <message>
        <source>Simpan koreksi</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PiagamActions</name>
    <message>
        <source>Cetak ulang piagam</source>
        <translation>Reprint piagam</translation>
    </message>
    <message>
        <source>Piagam %s sudah dicetak %d×. Cetak ulang sebagai SALINAN? Cetakan ini dicatat.</source>
        <translation>Piagam %s was already printed %d×. Reprint it as a COPY? This print is logged.</translation>
    </message>
    <message>
        <source>Piagam yang tercetak tidak memuat semua komitmen: SALINAN memuat daftar baru.</source>
        <translation>The printed piagam does not list every commitment: the COPY carries the new list.</translation>
    </message>
    <message>
        <source>SALINAN piagam</source>
        <translation>piagam COPY</translation>
    </message>
    <message>
        <source>Piagam</source>
        <translation>Piagam</translation>
    </message>
    <message>
        <source>✓ %s %s dibuat: %d komitmen → %s</source>
        <translation>✓ %s %s made: %d commitments → %s</translation>
    </message>
    <message>
        <source> — Ctrl+Shift+P untuk cetak ulang, Ctrl+O untuk membuka</source>
        <translation> — Ctrl+Shift+P to reprint, Ctrl+O to open</translation>
    </message>
    <message>
        <source>Tidak ada penampil PDF. Berkas piagam: %s</source>
        <translation>No PDF viewer. Piagam file: %s</translation>
    </message>
    <message>
        <source>Belum ada PDF piagam desa ini di laptop ini — Ctrl+P untuk mencetak.</source>
        <translation>No piagam PDF of this desa on this laptop yet — Ctrl+P to print.</translation>
    </message>
    <message>
        <source>Foto serah terima</source>
        <translation>Handover photo</translation>
    </message>
    <message>
        <source>Foto (*.jpg *.jpeg *.png *.bmp *.webp)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.bmp *.webp)</translation>
    </message>
    <message>
        <source>✓ Foto serah terima disimpan</source>
        <translation>✓ Handover photo saved</translation>
    </message>
    <message>
        <source>Belum ada foto serah terima</source>
        <translation>No handover photo yet</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>PIN panitia</source>
        <translation>Committee PIN</translation>
    </message>
    <message>
        <source>Masukkan PIN panitia untuk: %s</source>
        <translation>Enter the committee PIN to: %s</translation>
    </message>
    <message>
        <source>Alasan (wajib):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <source>Kata sandi acara</source>
        <translation>Event passphrase</translation>
    </message>
    <message>
        <source>Kunci paket acara ini tidak ada di laptop ini (basis data dipulihkan atau disalin). Masukkan kata sandi acara:</source>
        <translation>This event&apos;s package key is not on this laptop (the database was restored or copied). Enter the event passphrase:</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Batal (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <source>Ubah penyedia P2KTD</source>
        <translation>Edit P2KTD provider</translation>
    </message>
    <message>
        <source>Penyedia P2KTD baru</source>
        <translation>New P2KTD provider</translation>
    </message>
    <message>
        <source>(semua bidang)</source>
        <translation>(all fields)</translation>
    </message>
    <message>
        <source>Nama lembaga</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Bidang</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Kontak</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>No HP</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>ProvidersPanel</name>
    <message>
        <source>Nama lembaga</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Bidang</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Kontak</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>No HP</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Cari nama atau layanan… (Enter/F4 ubah)</source>
        <translation>Search name or service… (Enter/F4 to edit)</translation>
    </message>
    <message>
        <source>Tambah (Ctrl+N)</source>
        <translation>Add (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ubah (F4)</source>
        <translation>Edit (F4)</translation>
    </message>
    <message>
        <source>Impor xlsx…</source>
        <translation>Import xlsx…</translation>
    </message>
    <message>
        <source>Templat</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Direktori penyedia jasa. Hubungkan penyedia ke inovasi di formulir inovasi (Menu inovasi → Ubah → Penyedia).</source>
        <translation>Directory of service providers. Link a provider to an innovation in the innovation form (Innovation menu → Edit → Provider).</translation>
    </message>
    <message>
        <source>Pilih penyedia dulu.</source>
        <translation>Choose a provider first.</translation>
    </message>
    <message>
        <source>Tersimpan: %s</source>
        <translation>Saved: %s</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>Rata-rata</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>Penilai</source>
        <translation>Raters</translation>
    </message>
    <message>
        <source>Sebaran 1–5</source>
        <translation>Spread 1–5</translation>
    </message>
    <message>
        <source>Peringkat langsung — Bursa %s</source>
        <translation>Live ranking — Bursa %s</translation>
    </message>
    <message>
        <source>%d inovasi, %d penilaian di bursa ini</source>
        <translation>%d innovations, %d ratings in this bursa</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>1. Pindai badge peserta (atau ketik nomor) lalu Enter</source>
        <translation>1. Scan the badge (or type the number), then Enter</translation>
    </message>
    <message>
        <source>Belum ada peserta.</source>
        <translation>No participant yet.</translation>
    </message>
    <message>
        <source>2. Ketik kode inovasi (↑/↓ memilih) lalu Enter</source>
        <translation>2. Type the innovation code (↑/↓ to choose), then Enter</translation>
    </message>
    <message>
        <source>3. Nilai 1–5</source>
        <translation>3. Rating 1–5</translation>
    </message>
    <message>
        <source>Penilaian inovasi (1–5)</source>
        <translation>Innovation rating (1–5)</translation>
    </message>
    <message>
        <source>%s belum tercatat hadir di Registrasi — penilaian tetap bisa; minta ia check-in di meja registrasi.</source>
        <translation>%s is not checked in at Registration — rating still works; ask them to check in at the registration desk.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Penilai: %s&lt;/b&gt; (%s)%s · sudah menilai %d inovasi</source>
        <translation>&lt;b&gt;Rater: %s&lt;/b&gt; (%s)%s · has rated %d innovations</translation>
    </message>
    <message>
        <source>%s — ketik kode inovasi lalu Enter.</source>
        <translation>%s — type the innovation code, then Enter.</translation>
    </message>
    <message>
        <source>Nilainya</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Pindai badge peserta dulu.</source>
        <translation>Scan the participant&apos;s badge first.</translation>
    </message>
    <message>
        <source> (sebelumnya %d)</source>
        <translation> (before: %d)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%s — %s&lt;/b&gt;: tekan 1–5%s · Esc kembali</source>
        <translation>&lt;b&gt;%s — %s&lt;/b&gt;: press 1–5%s · Esc to go back</translation>
    </message>
    <message>
        <source>Nilai %s tidak ada: tekan 1–5 (Esc kembali ke kode).</source>
        <translation>There is no rating %s: press 1–5 (Esc goes back to the code).</translation>
    </message>
    <message>
        <source>Tersimpan: %s memberi %s nilai %d.</source>
        <translation>Saved: %s rated %s %d.</translation>
    </message>
    <message>
        <source>Diperbarui: %s memberi %s nilai %d (sebelumnya %d).</source>
        <translation>Updated: %s rated %s %d (before: %d).</translation>
    </message>
    <message>
        <source>Sama: %s sudah memberi %s nilai %d.</source>
        <translation>Unchanged: %s already rated %s %d.</translation>
    </message>
</context>
<context>
    <name>RegistrasiActions</name>
    <message>
        <source>Badge peserta terpilih</source>
        <translation>Badge of the selected participant</translation>
    </message>
    <message>
        <source>Semua yang belum dicetak</source>
        <translation>All not printed yet</translation>
    </message>
    <message>
        <source>Semua walk-in</source>
        <translation>All walk-ins</translation>
    </message>
    <message>
        <source>Semua peserta</source>
        <translation>All participants</translation>
    </message>
    <message>
        <source>Lembar A4 (10 badge per halaman)</source>
        <translation>A4 sheets (10 badges per page)</translation>
    </message>
    <message>
        <source>Satu badge per halaman (90×55 mm)</source>
        <translation>One badge per page (90×55 mm)</translation>
    </message>
    <message>
        <source>Buka PDF di penampil</source>
        <translation>Open the PDF in the viewer</translation>
    </message>
    <message>
        <source>Kirim langsung ke printer</source>
        <translation>Send straight to the printer</translation>
    </message>
    <message>
        <source>Impor daftar undangan (xlsx)…</source>
        <translation>Import the invitation list (xlsx)…</translation>
    </message>
    <message>
        <source>Unduh templat undangan…</source>
        <translation>Save the invitation template…</translation>
    </message>
    <message>
        <source>Konfirmasi kehadiran &amp;&amp; surat undangan…</source>
        <translation>Attendance confirmation &amp;&amp; invitation letters…</translation>
    </message>
    <message>
        <source>Batalkan kehadiran peserta terpilih…</source>
        <translation>Undo check-in of the selected participant…</translation>
    </message>
    <message>
        <source>Batalkan (void) peserta terpilih…</source>
        <translation>Void the selected participant…</translation>
    </message>
    <message>
        <source>Membuat badge…</source>
        <translation>Making badges…</translation>
    </message>
    <message>
        <source>Tidak ada badge untuk dicetak.</source>
        <translation>No badges to print.</translation>
    </message>
    <message>
        <source>Badge: %d dibuat → %s</source>
        <translation>Badges: %d made → %s</translation>
    </message>
    <message>
        <source>Huruf tidak ada di font, tercetak sebagai kotak (nomor peserta): %s</source>
        <translation>Letters missing from the font, printed as boxes (participant numbers): %s</translation>
    </message>
    <message>
        <source>Tidak ada penampil PDF. Berkas badge: %s</source>
        <translation>No PDF viewer. Badge file: %s</translation>
    </message>
    <message>
        <source>batalkan peserta</source>
        <translation>void a participant</translation>
    </message>
    <message>
        <source>Peserta dibatalkan.</source>
        <translation>Participant voided.</translation>
    </message>
    <message>
        <source>batalkan kehadiran</source>
        <translation>undo a check-in</translation>
    </message>
    <message>
        <source>Kehadiran dibatalkan.</source>
        <translation>Check-in undone.</translation>
    </message>
    <message>
        <source>Impor daftar undangan</source>
        <translation>Import the invitation list</translation>
    </message>
    <message>
        <source>Lembar kerja (*.xlsx *.xlsm *.xls *.ods *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Impor %s: %d baris — %d baru, %d diperbarui, %d sama</source>
        <translation>Import %s: %d rows — %d new, %d updated, %d unchanged</translation>
    </message>
    <message>
        <source>Mengimpor undangan…</source>
        <translation>Importing invitations…</translation>
    </message>
    <message>
        <source>Impor ditolak, tidak ada yang diubah: %s</source>
        <translation>Import refused, nothing changed: %s</translation>
    </message>
    <message>
        <source>Simpan templat undangan</source>
        <translation>Save the invitation template</translation>
    </message>
    <message>
        <source>Templat disimpan: %s</source>
        <translation>Template saved: %s</translation>
    </message>
</context>
<context>
    <name>RegistrasiTab</name>
    <message>
        <source>✗ Tidak ditemukan: %s — F2 untuk daftar peserta baru</source>
        <translation>✗ Not found: %s — F2 to register a new participant</translation>
    </message>
    <message>
        <source>%d peserta cocok dengan “%s” — pilih dengan ↑/↓ lalu Enter</source>
        <translation>%d participants match “%s” — choose with ↑/↓, then Enter</translation>
    </message>
    <message>
        <source>✗ %s (%s) sudah DIBATALKAN: %s</source>
        <translation>✗ %s (%s) was VOIDED: %s</translation>
    </message>
    <message>
        <source>✓ Koreksi disimpan: %s (%s)</source>
        <translation>✓ Correction saved: %s (%s)</translation>
    </message>
    <message>
        <source>%s sudah hadir sejak %s (%s)</source>
        <translation>%s already checked in at %s (%s)</translation>
    </message>
    <message>
        <source>✓ Walk-in %s: </source>
        <translation>✓ Walk-in %s: </translation>
    </message>
    <message>
        <source>%s — hadir %s</source>
        <translation>%s — checked in %s</translation>
    </message>
    <message>
        <source>Kit sudah diserahkan ke %s pukul %s</source>
        <translation>Kit already handed to %s at %s</translation>
    </message>
    <message>
        <source>✓ Bursa Kit diserahkan: %s</source>
        <translation>✓ Bursa Kit handed over: %s</translation>
    </message>
    <message>
        <source>Registrasi</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Siap. Pindai badge, atau ketik nama / nomor / desa lalu Enter.</source>
        <translation>Ready. Scan a badge, or type a name / number / desa, then Enter.</translation>
    </message>
    <message>
        <source>Pindai badge atau ketik nama, nomor, desa… lalu Enter</source>
        <translation>Scan a badge or type a name, number, desa… then Enter</translation>
    </message>
    <message>
        <source>Peserta baru (F2)</source>
        <translation>New participant (F2)</translation>
    </message>
    <message>
        <source>Kit (F3)</source>
        <translation>Kit (F3)</translation>
    </message>
    <message>
        <source>Koreksi (F4)</source>
        <translation>Correct (F4)</translation>
    </message>
    <message>
        <source>Cetak badge</source>
        <translation>Print badges</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Tampilkan %d lagi</source>
        <translation>Show %d more</translation>
    </message>
    <message>
        <source>Menampilkan %d dari %d peserta</source>
        <translation>Showing %d of %d participants</translation>
    </message>
    <message>
        <source>Belum ada peserta. Impor daftar undangan: Lainnya → Impor daftar undangan (xlsx)…, atau F2 untuk peserta baru.</source>
        <translation>No participants yet. Import the invitation list: More → Import invitation list (xlsx)…, or F2 for a new participant.</translation>
    </message>
    <message>
        <source>%d peserta cocok</source>
        <translation>%d participants match</translation>
    </message>
    <message>
        <source>Menampilkan 1 peserta</source>
        <translation>Showing 1 participant</translation>
    </message>
    <message>
        <source>Pindai atau pilih peserta dulu.</source>
        <translation>Scan or choose a participant first.</translation>
    </message>
    <message>
        <source>%s. Simpan perubahan Anda di atasnya?</source>
        <translation>%s. Save your changes over it?</translation>
    </message>
    <message>
        <source>Data berubah</source>
        <translation>Data changed</translation>
    </message>
    <message>
        <source>Simpan perubahan saya</source>
        <translation>Save my changes</translation>
    </message>
    <message>
        <source> · diubah di tempat lain sejak formulir dibuka, dipertahankan: %s</source>
        <translation> · changed elsewhere since the form was opened, kept: %s</translation>
    </message>
</context>
<context>
    <name>RekapTab</name>
    <message>
        <source>Rekap &amp;&amp; Tindak Lanjut</source>
        <translation>Recap &amp;&amp; Follow-up</translation>
    </message>
    <message>
        <source>Tindak lanjut komitmen</source>
        <translation>Commitment follow-up</translation>
    </message>
    <message>
        <source>Verifikasi ide</source>
        <translation>Idea verification</translation>
    </message>
    <message>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Tulis &amp;rekap (xlsx)…</source>
        <translation>Write &amp;recap (xlsx)…</translation>
    </message>
    <message>
        <source>&amp;Impor tanggapan TA…</source>
        <translation>&amp;Import TA responses…</translation>
    </message>
    <message>
        <source>&amp;Laporan PDF…</source>
        <translation>&amp;Report PDF…</translation>
    </message>
    <message>
        <source>Tindak lanjut jatuh tempo 5 hari kerja setelah acara (libur nasional dan cuti bersama dilewati).</source>
        <translation>Follow-up is due 5 working days after the event (national holidays and cuti bersama skipped).</translation>
    </message>
    <message>
        <source>Simpan rekap</source>
        <translation>Save recap</translation>
    </message>
    <message>
        <source>Menulis rekap…</source>
        <translation>Writing the recap…</translation>
    </message>
    <message>
        <source>Rekap ditulis: %s (%s)</source>
        <translation>Recap written: %s (%s)</translation>
    </message>
    <message>
        <source>Impor tanggapan dari rekap</source>
        <translation>Import responses from the recap</translation>
    </message>
    <message>
        <source>Impor tanggapan selesai: %d baris dibaca, %d baris diperbarui</source>
        <translation>Responses imported: %d rows read, %d rows updated</translation>
    </message>
    <message>
        <source>%d suntingan di kolom yang diisi aplikasi tidak diimpor (arahkan kursor untuk rinciannya)</source>
        <translation>%d edits in columns the application fills were not imported (hover for the details)</translation>
    </message>
    <message>
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Menulis laporan…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <source>Laporan ditulis: %s (%d halaman)</source>
        <translation>Report written: %s (%d pages)</translation>
    </message>
    <message>
        <source>huruf tidak ada di font, tercetak sebagai kotak: %s</source>
        <translation>letters missing from the font, printed as boxes: %s</translation>
    </message>
</context>
<context>
    <name>ScopeButton</name>
    <message>
        <source>Cakupan: %s</source>
        <translation>Scope: %s</translation>
    </message>
    <message>
        <source>Semua acara (%d)</source>
        <translation>All events (%d)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Acara &amp;&amp; penanda tangan</source>
        <translation>Event &amp;&amp; signatories</translation>
    </message>
    <message>
        <source>PIN panitia</source>
        <translation>Committee PIN</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Jumlah wajar</source>
        <translation>Plausible amounts</translation>
    </message>
    <message>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jabatan lengkap</source>
        <translation>Full title</translation>
    </message>
    <message>
        <source>NIP (bila ada)</source>
        <translation>NIP (if any)</translation>
    </message>
    <message>
        <source>Tambah penanda tangan</source>
        <translation>Add signatory</translation>
    </message>
    <message>
        <source>Simpan (PIN)</source>
        <translation>Save (PIN)</translation>
    </message>
    <message>
        <source>Nama acara</source>
        <translation>Event name</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>ubah data acara</source>
        <translation>change the event details</translation>
    </message>
    <message>
        <source>Tidak disimpan</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Data acara disimpan.</source>
        <translation>Event details saved.</translation>
    </message>
    <message>
        <source>Ganti PIN</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <source>PIN lama</source>
        <translation>Old PIN</translation>
    </message>
    <message>
        <source>PIN baru</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Ulangi PIN baru</source>
        <translation>Repeat new PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN baru tidak sama</source>
        <translation>The new PINs differ</translation>
    </message>
    <message>
        <source>PIN panitia diganti.</source>
        <translation>Committee PIN changed.</translation>
    </message>
    <message>
        <source>Simpan bahasa</source>
        <translation>Save language</translation>
    </message>
    <message>
        <source>Bahasa antarmuka</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Bahasa dipakai setelah aplikasi dibuka ulang.</source>
        <translation>The language applies after the application is restarted.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Registrasi (sekretaris)</source>
        <translation>Registration (secretary)</translation>
    </message>
    <message>
        <source>Ruang Bursa</source>
        <translation>Bursa rooms</translation>
    </message>
    <message>
        <source>Meja Konsultasi</source>
        <translation>Consultation table</translation>
    </message>
    <message>
        <source>Jendela 3 (piagam)</source>
        <translation>Jendela 3 (piagam)</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Rekap &amp; Tindak Lanjut (TA)</source>
        <translation>Recap &amp; follow-up (TA)</translation>
    </message>
    <message>
        <source>BID Desktop — siapkan laptop ini</source>
        <translation>BID Desktop — set up this laptop</translation>
    </message>
    <message>
        <source>Basis data ini belum punya acara. Buat acara baru (laptop pertama), atau gabung acara yang sudah dibuat di laptop lain.</source>
        <translation>This database has no event yet. Create a new event (first laptop), or join an event already created on another laptop.</translation>
    </message>
    <message>
        <source>Buat acara baru</source>
        <translation>Create a new event</translation>
    </message>
    <message>
        <source>Gabung acara</source>
        <translation>Join an event</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Buat acara</source>
        <translation>Create event</translation>
    </message>
</context>
<context>
    <name>SetupPanel</name>
    <message>
        <source>Pilih baris untuk mengubahnya; Enter di formulir menyimpan.</source>
        <translation>Choose a row to edit it; Enter in the form saves.</translation>
    </message>
    <message>
        <source>Ruang</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Nama ruang, lalu Enter</source>
        <translation>Room name, then Enter</translation>
    </message>
    <message>
        <source>Simpan ruang</source>
        <translation>Save room</translation>
    </message>
    <message>
        <source>Ruang baru</source>
        <translation>New room</translation>
    </message>
    <message>
        <source>Ruang tersimpan: %s</source>
        <translation>Room saved: %s</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Konsultan</source>
        <translation>Consultants</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <source>Nama konsultan TIK, dipisah koma</source>
        <translation>Names of the TIK consultants, separated by commas</translation>
    </message>
    <message>
        <source>kode stasiun, mis. MKA1 (boleh kosong)</source>
        <translation>station code, e.g. MKA1 (may be empty)</translation>
    </message>
    <message>
        <source>Nomor meja</source>
        <translation>Table number</translation>
    </message>
    <message>
        <source>Meja konsultasi</source>
        <translation>Consultation table</translation>
    </message>
    <message>
        <source>Simpan meja</source>
        <translation>Save table</translation>
    </message>
    <message>
        <source>Meja tersimpan: %s</source>
        <translation>Table saved: %s</translation>
    </message>
    <message>
        <source>Sesi</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Fasilitator</source>
        <translation>Facilitators</translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>Nama fasilitator, dipisah koma</source>
        <translation>Names of the facilitators, separated by commas</translation>
    </message>
    <message>
        <source>Kode inovasi yang dipamerkan, mis. A01, A02</source>
        <translation>Codes of the innovations shown, e.g. A01, A02</translation>
    </message>
    <message>
        <source>Nama sesi</source>
        <translation>Session name</translation>
    </message>
    <message>
        <source>Mulai – selesai</source>
        <translation>Start – end</translation>
    </message>
    <message>
        <source>Sesi dan jadwal</source>
        <translation>Sessions and schedule</translation>
    </message>
    <message>
        <source>Simpan sesi</source>
        <translation>Save session</translation>
    </message>
    <message>
        <source>Sesi baru</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>Sesi tersimpan: %s</source>
        <translation>Session saved: %s</translation>
    </message>
</context>
<context>
    <name>SheetFiles</name>
    <message>
        <source>Impor %s</source>
        <translation>Import %s</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>mengimpor Kartu Komitmen</source>
        <translation>importing Kartu Komitmen (commitment cards)</translation>
    </message>
    <message>
        <source>Impor %s: %d baris — %d baru, %d diperbarui, %d sama</source>
        <translation>Import %s: %d rows — %d new, %d updated, %d unchanged</translation>
    </message>
    <message>
        <source>Lembar kerja (*.xlsx *.xlsm *.xls *.ods *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <source>Impor ditolak, tidak ada yang diubah: %s</source>
        <translation>Import refused, nothing changed: %s</translation>
    </message>
    <message>
        <source>Mengimpor %s…</source>
        <translation>Importing %s…</translation>
    </message>
    <message>
        <source>Simpan templat %s</source>
        <translation>Save the %s template</translation>
    </message>
    <message>
        <source>Templat disimpan: %s</source>
        <translation>Template saved: %s</translation>
    </message>
</context>
<context>
    <name>SinkronisasiTab</name>
    <message>
        <source>Sinkronisasi</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Ekspor</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Impor &amp;&amp; gabung</source>
        <translation>Import &amp;&amp; merge</translation>
    </message>
    <message>
        <source>Log impor</source>
        <translation>Import log</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Duplikat</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backups</translation>
    </message>
</context>
<context>
    <name>StampPanel</name>
    <message>
        <source>Cap komitmen (Ctrl+Enter)</source>
        <translation>Stamp commitment (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Kode inovasi, mis. A01 (atau pindai badge berikutnya)</source>
        <translation>Innovation code, e.g. A01 (or scan the next badge)</translation>
    </message>
    <message>
        <source>Nama Kepala Desa</source>
        <translation>Name of the Kepala Desa</translation>
    </message>
    <message>
        <source>Catatan (opsional), Enter = cap</source>
        <translation>Notes (optional), Enter = stamp</translation>
    </message>
    <message>
        <source>Cap komitmen</source>
        <translation>Stamp commitment</translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>Perkiraan anggaran</source>
        <translation>Estimated budget</translation>
    </message>
    <message>
        <source>Tahun rencana</source>
        <translation>Planned year</translation>
    </message>
    <message>
        <source>Kepala Desa</source>
        <translation>Kepala Desa</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Kode %s tidak ada di menu</source>
        <translation>Code %s is not on the menu</translation>
    </message>
    <message>
        <source> · biaya di menu %s</source>
        <translation> · cost on the menu %s</translation>
    </message>
</context>
<context>
    <name>StampsModel</name>
    <message>
        <source>BATAL</source>
        <translation>VOID</translation>
    </message>
    <message>
        <source>sah</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>Anggaran</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Kepala Desa</source>
        <translation>Kepala Desa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>StartupGuard</name>
    <message>
        <source>BID Desktop</source>
        <translation>BID Desktop</translation>
    </message>
    <message>
        <source>Basis data %1 tidak ada, tetapi berkas pendampingnya ada (%2): data terakhir mungkin ada di sana. Berkas itu tidak diubah; cari berkas basis datanya (mungkin di flashdisk lain) atau hubungi panitia TI.</source>
        <translation>Database %1 does not exist, but its companion files do (%2): the latest data may be in them. They were not changed; find the database file (perhaps on another USB stick) or call the IT committee.</translation>
    </message>
    <message>
        <source>Berkas basis data %1 tidak ada (flashdisk dengan huruf drive lain?). Buat basis data acara baru yang KOSONG di sana?</source>
        <translation>Database file %1 does not exist (a USB stick with another drive letter?). Create a new, EMPTY event database there?</translation>
    </message>
    <message>
        <source>Basis data %1 dibuat oleh versi aplikasi yang lebih baru (revisi %2). Perbarui aplikasi di laptop ini dulu; berkas tidak diubah.</source>
        <translation>Database %1 was made by a newer version of the app (revision %2). Update the app on this laptop first; the file was not changed.</translation>
    </message>
    <message>
        <source>Basis data %1 rusak (%2).</source>
        <translation>Database %1 is damaged (%2).</translation>
    </message>
    <message>
        <source>Tidak ada cadangan yang baik. Berkas rusak disimpan sebagai %1 (tidak dihapus). Mulai basis data baru yang kosong?</source>
        <translation>There is no good backup. The damaged file was kept as %1 (not deleted). Start a new, empty database?</translation>
    </message>
    <message>
        <source>Cadangan terakhir yang lolos pemeriksaan: %1. Pulihkan dari cadangan itu? Berkas rusak disimpan di sampingnya (tidak dihapus).</source>
        <translation>Last backup that passed the check: %1. Restore from it? The damaged file is kept beside it (not deleted).</translation>
    </message>
    <message>
        <source>memulihkan cadangan</source>
        <translation>restoring a backup</translation>
    </message>
    <message>
        <source>Basis data %1 ada di media yang hanya-baca (read-only), misalnya flashdisk yang dikunci; berkasnya baik. Salin ke laptop ini (%2) dan buka salinannya?</source>
        <translation>Database %1 is on read-only media (e.g. a locked USB stick); the file is fine. Copy it to this laptop (%2) and open the copy?</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Acara</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Ada hasil</source>
        <translation>Has results</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Alasan pembatalan</source>
        <translation>Void reason</translation>
    </message>
    <message>
        <source>Anggaran (Rp)</source>
        <translation>Budget (Rp)</translation>
    </message>
    <message>
        <source>Benar dilaksanakan</source>
        <translation>Really carried out</translation>
    </message>
    <message>
        <source>Bidang</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Bukan duplikat</source>
        <translation>Not a duplicate</translation>
    </message>
    <message>
        <source>Bursa</source>
        <translation>Bursa</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Catatan verifikasi</source>
        <translation>Verification notes</translation>
    </message>
    <message>
        <source>Cetak piagam</source>
        <translation>Piagam print</translation>
    </message>
    <message>
        <source>Data foto</source>
        <translation>Photo data</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Desa asal</source>
        <translation>Village of origin</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Dihubungi melalui</source>
        <translation>Contacted via</translation>
    </message>
    <message>
        <source>Diputuskan di stasiun</source>
        <translation>Decided at station</translation>
    </message>
    <message>
        <source>Fasilitator</source>
        <translation>Facilitators</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Gagasan</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>ID data</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <source>Inovasi</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Jenis berkas</source>
        <translation>File type</translation>
    </message>
    <message>
        <source>Jenis data</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Kabupaten</source>
        <translation>Regency</translation>
    </message>
    <message>
        <source>Kabupaten asal</source>
        <translation>Regency of origin</translation>
    </message>
    <message>
        <source>Kartu diterima</source>
        <translation>Card received</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Kategori undangan</source>
        <translation>Guest category</translation>
    </message>
    <message>
        <source>Kebutuhan</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Kehadiran</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Kendala</source>
        <translation>Obstacles</translation>
    </message>
    <message>
        <source>Kepala Desa</source>
        <translation>Village head</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Kode desa</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>Kode inovasi</source>
        <translation>Innovation code</translation>
    </message>
    <message>
        <source>Kode kabupaten</source>
        <translation>Regency code</translation>
    </message>
    <message>
        <source>Kode kecamatan</source>
        <translation>District code</translation>
    </message>
    <message>
        <source>Kode stasiun</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>Komitmen</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>Konsultan</source>
        <translation>Consultants</translation>
    </message>
    <message>
        <source>Konsultasi</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Kontak</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Kunci</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Layak direplikasi</source>
        <translation>Feasible to replicate</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Lembaga</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Masuk RKP Desa</source>
        <translation>In the village plan (RKP Desa)</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Meja konsultasi</source>
        <translation>Consultation table</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nama pengusul</source>
        <translation>Proposer</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Nomor seri</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Pemeriksa frasa sandi</source>
        <translation>Passphrase check</translation>
    </message>
    <message>
        <source>Penanda tangan</source>
        <translation>Signatories</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Penilaian</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Penyedia</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Penyedia (P2KTD)</source>
        <translation>Provider (P2KTD)</translation>
    </message>
    <message>
        <source>Perkiraan biaya</source>
        <translation>Cost estimate</translation>
    </message>
    <message>
        <source>Pertama dicetak</source>
        <translation>First printed</translation>
    </message>
    <message>
        <source>Pertanyaan</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Peserta yang dipakai</source>
        <translation>Participant kept</translation>
    </message>
    <message>
        <source>Piagam</source>
        <translation>Piagam</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Ruang</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Salinan</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Sesi</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Sesi bursa</source>
        <translation>Bursa session</translation>
    </message>
    <message>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Sidik SHA-256</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <source>Stasiun</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Stasiun hadir</source>
        <translation>Check-in station</translation>
    </message>
    <message>
        <source>Stasiun stempel</source>
        <translation>Stamping station</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status RAB</source>
        <translation>Budget plan (RAB) status</translation>
    </message>
    <message>
        <source>Status proposal</source>
        <translation>Proposal status</translation>
    </message>
    <message>
        <source>Sudah dilaksanakan</source>
        <translation>Already done</translation>
    </message>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Tahun rencana</source>
        <translation>Planned year</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tanggal dihubungi</source>
        <translation>Contact date</translation>
    </message>
    <message>
        <source>Tanggal verifikasi</source>
        <translation>Verification date</translation>
    </message>
    <message>
        <source>Tanggapan TA</source>
        <translation>TA response</translation>
    </message>
    <message>
        <source>Tautan duplikat</source>
        <translation>Duplicate link</translation>
    </message>
    <message>
        <source>Teks pencarian</source>
        <translation>Search text</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Terealisasi</source>
        <translation>Realised</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Wakil perempuan</source>
        <translation>Woman representative</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Waktu cetak</source>
        <translation>Printed at</translation>
    </message>
    <message>
        <source>Waktu diterima</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Waktu foto</source>
        <translation>Photo taken at</translation>
    </message>
    <message>
        <source>Waktu hadir</source>
        <translation>Checked in at</translation>
    </message>
    <message>
        <source>Waktu konsultasi</source>
        <translation>Consulted at</translation>
    </message>
    <message>
        <source>Waktu penilaian</source>
        <translation>Rated at</translation>
    </message>
    <message>
        <source>Waktu pindai</source>
        <translation>Scanned at</translation>
    </message>
    <message>
        <source>Waktu stempel</source>
        <translation>Stamped at</translation>
    </message>
    <message>
        <source>Waktu terima kit</source>
        <translation>Kit handed at</translation>
    </message>
    <message>
        <source>dihapus</source>
        <translation>deleted</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Kunci acara disimpan di laptop ini; ulangi tindakan tadi.</source>
        <translation>The event key is now kept on this laptop; repeat what you were doing.</translation>
    </message>
    <message>
        <source>dihapus</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>tidak dihapus</source>
        <translation>not deleted</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>TableDialog</name>
    <message>
        <source>Meja konsultasi laptop ini</source>
        <translation>This laptop&apos;s consultation table</translation>
    </message>
    <message>
        <source>Nama konsultan, dipisah koma</source>
        <translation>Consultant names, separated by commas</translation>
    </message>
    <message>
        <source>Bursa</source>
        <translation>Bursa</translation>
    </message>
    <message>
        <source>Nomor meja</source>
        <translation>Table number</translation>
    </message>
    <message>
        <source>Konsultan</source>
        <translation>Consultants</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TableHeader</name>
    <message>
        <source>Ganti meja… (Ctrl+M)</source>
        <translation>Change table… (Ctrl+M)</translation>
    </message>
    <message>
        <source>Laptop ini belum ditetapkan sebagai meja konsultasi</source>
        <translation>This laptop is not set up as a consultation table yet</translation>
    </message>
    <message>
        <source>Tekan Ctrl+M: pilih bursa dan nomor meja.</source>
        <translation>Press Ctrl+M: choose the bursa and the table number.</translation>
    </message>
    <message>
        <source>Meja %s · Bursa %s — %s</source>
        <translation>Table %s · Bursa %s — %s</translation>
    </message>
    <message>
        <source>Konsultan: %s</source>
        <translation>Consultants: %s</translation>
    </message>
    <message>
        <source>(belum diisi)</source>
        <translation>(not filled in)</translation>
    </message>
</context>
<context>
    <name>TaskManager</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tidak dapat diproses</source>
        <translation>Could not be processed</translation>
    </message>
    <message>
        <source>Terjadi kesalahan</source>
        <translation>An error occurred</translation>
    </message>
</context>
<context>
    <name>VerificationForm</name>
    <message>
        <source>Verifikasi ide</source>
        <translation>Idea verification</translation>
    </message>
    <message>
        <source>Pilih kartu ide di daftar.</source>
        <translation>Choose an idea card in the list.</translation>
    </message>
    <message>
        <source>belum dicek</source>
        <translation>not checked</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Simpan verifikasi (Ctrl+S)</source>
        <translation>Save verification (Ctrl+S)</translation>
    </message>
    <message>
        <source>Benar sudah dilaksanakan?</source>
        <translation>Really carried out?</translation>
    </message>
    <message>
        <source>Ada hasilnya?</source>
        <translation>Has results?</translation>
    </message>
    <message>
        <source>Layak direplikasi?</source>
        <translation>Feasible to replicate?</translation>
    </message>
    <message>
        <source>Tanggal verifikasi</source>
        <translation>Verification date</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>sudah dilaksanakan</source>
        <translation>carried out</translation>
    </message>
    <message>
        <source>belum dilaksanakan</source>
        <translation>not carried out</translation>
    </message>
    <message>
        <source>Menurut pengusul</source>
        <translation>According to the proposer</translation>
    </message>
</context>
<context>
    <name>WindowLock</name>
    <message>
        <source>Basis data %s sudah dibuka di jendela BID Desktop lain (proses %d). Dua jendela pada satu basis data bisa saling menimpa. Pindah ke jendela itu?</source>
        <translation>Database %s is already open in another BID Desktop window (process %d). Two windows on one database can overwrite each other. Switch to that window?</translation>
    </message>
    <message>
        <source>Sudah terbuka</source>
        <translation>Already open</translation>
    </message>
    <message>
        <source>Pindah ke jendela itu</source>
        <translation>Switch to that window</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
