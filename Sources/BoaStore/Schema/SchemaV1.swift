/// The first version of the database schema: every table, index, trigger and audit view.
///
/// Tables are an implementation detail that may grow; the three audit views (`audit_messages`,
/// `audit_tasks`, `audit_log`) are the stable interface auditors query (OPERATIONS.md). All times are
/// ISO 8601 text in UTC with milliseconds (`2026-12-01T08:15:00.000Z`), so text order is time order.
enum SchemaV1 {
    static let statements: [String] = [
        // ------------------------------------------------------------------ messages
        """
        CREATE TABLE inbound_message (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            inbox_folder TEXT,
            partner TEXT,
            root_element TEXT,
            functie TEXT,
            berichtcode TEXT,
            referentienummer TEXT,
            cross_refnummer TEXT,
            tijdstip_bericht TEXT,
            is_test INTEGER NOT NULL DEFAULT 0 CHECK (is_test IN (0, 1)),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            size INTEGER NOT NULL CHECK (size >= 0),
            outcome TEXT NOT NULL CHECK (outcome IN ('ACCEPTED', 'DUPLICATE', 'REJECTED', 'HELD')),
            fault_code TEXT,
            fault_text TEXT,
            duplicate_of INTEGER REFERENCES inbound_message(id),
            received_at TEXT NOT NULL,
            decided_at TEXT,
            archive_path TEXT,
            rejected_path TEXT,
            claim_name TEXT UNIQUE,
            task_id INTEGER REFERENCES task(id) ON DELETE SET NULL,
            CHECK (outcome <> 'DUPLICATE' OR duplicate_of IS NOT NULL),
            CHECK (outcome NOT IN ('ACCEPTED', 'HELD') OR fault_code IS NULL),
            CHECK (outcome <> 'REJECTED' OR fault_code IS NOT NULL),
            CHECK ((outcome = 'HELD') = (decided_at IS NULL))
        )
        """,
        // An accepted (or held) message is unique per partner and referentienummer.
        "CREATE UNIQUE INDEX inbound_message_reference ON inbound_message(partner, referentienummer) WHERE outcome IN ('ACCEPTED', 'HELD')",
        "CREATE INDEX inbound_message_sha256 ON inbound_message(sha256)",
        // Covering the "messages per partner and outcome in a period" question.
        "CREATE INDEX inbound_message_received ON inbound_message(received_at, partner, outcome)",
        "CREATE INDEX inbound_message_outcome ON inbound_message(outcome, received_at)",
        "CREATE INDEX inbound_message_task ON inbound_message(task_id)",
        "CREATE INDEX inbound_message_archive ON inbound_message(archive_path)",
        "CREATE INDEX inbound_message_rejected ON inbound_message(rejected_path)",
        """
        CREATE TABLE outbound_message (
            id INTEGER PRIMARY KEY,
            partner TEXT NOT NULL,
            functie TEXT NOT NULL,
            berichtcode TEXT NOT NULL CHECK (berichtcode IN ('Di01', 'Du01', 'Bv03', 'Fo01', 'Fo03')),
            referentienummer TEXT NOT NULL UNIQUE,
            cross_refnummer TEXT,
            fault_code TEXT,
            inbound_id INTEGER REFERENCES inbound_message(id),
            task_id INTEGER REFERENCES task(id),
            is_test INTEGER NOT NULL DEFAULT 0 CHECK (is_test IN (0, 1)),
            file_name TEXT NOT NULL UNIQUE,
            body BLOB,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            state TEXT NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'STAGED', 'PUBLISHED')),
            created_at TEXT NOT NULL,
            published_at TEXT,
            first_published_at TEXT,
            stripped_at TEXT,
            CHECK ((state = 'PUBLISHED') = (published_at IS NOT NULL)),
            CHECK (body IS NOT NULL OR (state = 'PUBLISHED' AND stripped_at IS NOT NULL))
        )
        """,
        "CREATE INDEX outbound_message_unpublished ON outbound_message(state, id) WHERE state <> 'PUBLISHED'",
        "CREATE INDEX outbound_message_task ON outbound_message(task_id)",
        "CREATE INDEX outbound_message_inbound ON outbound_message(inbound_id)",
        "CREATE INDEX outbound_message_created ON outbound_message(created_at, partner, state)",
        // The audit view's outcome expression, so that "stuck answers" is an index lookup.
        "CREATE INDEX outbound_message_outcome ON outbound_message((CASE state WHEN 'PUBLISHED' THEN 'PUBLISHED' ELSE 'PENDING' END), created_at)",
        // ------------------------------------------------------------------ tasks
        """
        CREATE TABLE task (
            id INTEGER PRIMARY KEY,
            taak_nummer TEXT NOT NULL UNIQUE CHECK (taak_nummer GLOB 'T[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'),
            partner TEXT,
            taak_id TEXT,
            soort TEXT NOT NULL CHECK (soort IN ('VERZOEK', 'OM_OPDRACHT', 'BUURTRONDE')),
            inbound_id INTEGER REFERENCES inbound_message(id),
            is_test INTEGER NOT NULL DEFAULT 0 CHECK (is_test IN (0, 1)),
            categorie TEXT NOT NULL CHECK (categorie IN ('OVERLAST', 'AFVAL', 'PARKEREN', 'HONDEN', 'ALCOHOL', 'VUURWERK',
                'EVENEMENT', 'INBRAAKNAZORG', 'ONDERMIJNING_CONTROLE', 'ZORG_SIGNAAL', 'MILIEU', 'LEERPLICHT', 'OM_OPDRACHT',
                'INTEGRALE_CONTROLE', 'OVERIG')),
            subcategorie TEXT,
            prioriteit INTEGER NOT NULL CHECK (prioriteit BETWEEN 1 AND 4),
            status TEXT NOT NULL CHECK (status IN ('ONTVANGEN', 'GEACCEPTEERD', 'INGEPLAND', 'ONDERWEG', 'TER_PLAATSE',
                'AFGEROND', 'GEWEIGERD', 'INGETROKKEN', 'AFGEBROKEN', 'OVERGEDRAGEN_POLITIE')),
            vertrouwelijkheid TEXT NOT NULL CHECK (vertrouwelijkheid IN ('NORMAAL', 'VERTROUWELIJK', 'STRIKT')),
            grondslag TEXT NOT NULL CHECK (grondslag IN ('WPG_ART8', 'WPG_ART9', 'WPG_ART13', 'AVG_TOEZICHT', 'AVG_ZORG')),
            bewaartermijn TEXT NOT NULL,
            bron_referentie TEXT,
            opdrachtgever_eenheid TEXT,
            opdrachtgever_rol TEXT,
            omschrijving TEXT,
            locatie_omschrijving TEXT,
            straatnaam TEXT,
            huisnummer INTEGER,
            huisletter TEXT,
            huisnummertoevoeging TEXT,
            postcode TEXT,
            woonplaats TEXT,
            buurtcode TEXT,
            x REAL,
            y REAL,
            gewenst_aanvang TEXT,
            uiterlijk_gereed TEXT NOT NULL,
            duur_minuten INTEGER NOT NULL CHECK (duur_minuten BETWEEN 5 AND 720),
            domein TEXT NOT NULL CHECK (domein IN ('I', 'II', 'III', 'IV', 'V', 'VI')),
            bevoegdheden TEXT NOT NULL DEFAULT '',
            minimale_bezetting INTEGER NOT NULL CHECK (minimale_bezetting BETWEEN 1 AND 4),
            geweld_verwacht INTEGER NOT NULL DEFAULT 0 CHECK (geweld_verwacht IN (0, 1)),
            veiligheid_toelichting TEXT,
            voorkeur_boa TEXT,
            parketnummer TEXT,
            pv_referentie TEXT,
            gevraagde_handeling TEXT,
            received_at TEXT NOT NULL,
            first_planned_at TEXT,
            completed_at TEXT,
            closed_at TEXT,
            last_change_tijdstip TEXT,
            reden_code TEXT,
            reden_toelichting TEXT,
            reactie TEXT CHECK (reactie IN ('ACCEPT', 'PROVISIONAL', 'DECLINE')),
            reactie_at TEXT,
            stripped_at TEXT,
            UNIQUE (partner, taak_id),
            CHECK ((partner IS NULL) = (taak_id IS NULL)),
            CHECK ((soort = 'BUURTRONDE') = (partner IS NULL)),
            CHECK (stripped_at IS NOT NULL OR (x IS NOT NULL AND y IS NOT NULL)),
            CHECK (completed_at IS NULL OR status = 'AFGEROND'),
            CHECK ((closed_at IS NOT NULL) = (status IN ('AFGEROND', 'GEWEIGERD', 'INGETROKKEN', 'OVERGEDRAGEN_POLITIE')))
        )
        """,
        "CREATE INDEX task_by_status ON task(status, reden_code)",
        "CREATE INDEX task_confidentiality ON task(vertrouwelijkheid, is_test, categorie)",
        "CREATE INDEX task_received ON task(received_at)",
        "CREATE INDEX task_received_priority ON task(received_at, prioriteit, first_planned_at)",
        "CREATE INDEX task_deadline_open ON task(uiterlijk_gereed) WHERE closed_at IS NULL",
        "CREATE INDEX task_inbound ON task(inbound_id)",
        "CREATE INDEX task_closed ON task(closed_at) WHERE closed_at IS NOT NULL",
        "CREATE INDEX task_stripped ON task(stripped_at) WHERE stripped_at IS NOT NULL",
        "CREATE INDEX task_buurt ON task(buurtcode, soort)",
        """
        CREATE TABLE task_status (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            at TEXT NOT NULL,
            reden_code TEXT,
            toelichting TEXT,
            inbound_id INTEGER REFERENCES inbound_message(id)
        )
        """,
        "CREATE INDEX task_status_task ON task_status(task_id, id)",
        // Counters that never go back, even when retention deletes rows: task numbers per year, outbound
        // references, signal ids.
        "CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL CHECK (value >= 0))",
        // ------------------------------------------------------------------ officers
        """
        CREATE TABLE officer (
            boa_id TEXT PRIMARY KEY,
            roepnaam TEXT,
            screening TEXT NOT NULL CHECK (screening IN ('NORMAAL', 'VERTROUWELIJK', 'STRIKT')),
            thuis_buurt TEXT,
            actief INTEGER NOT NULL CHECK (actief IN (0, 1)),
            updated_at TEXT NOT NULL,
            inbound_id INTEGER REFERENCES inbound_message(id)
        )
        """,
        """
        CREATE TABLE deed (
            id INTEGER PRIMARY KEY,
            boa_id TEXT NOT NULL REFERENCES officer(boa_id) ON DELETE CASCADE,
            aktenummer TEXT NOT NULL,
            domein TEXT NOT NULL CHECK (domein IN ('I', 'II', 'III', 'IV', 'V', 'VI')),
            geldig_van TEXT NOT NULL,
            geldig_tot TEXT NOT NULL,
            CHECK (geldig_van <= geldig_tot)
        )
        """,
        "CREATE INDEX deed_officer ON deed(boa_id)",
        """
        CREATE TABLE deed_power (
            deed_id INTEGER NOT NULL REFERENCES deed(id) ON DELETE CASCADE,
            bevoegdheid TEXT NOT NULL CHECK (bevoegdheid IN ('APV', 'WAHV', 'BSBO', 'ALCOHOLWET', 'AFVALSTOFFEN',
                'WEGENVERKEERSWET', 'LEERPLICHTWET', 'MILIEUWETGEVING', 'BOETE_OM', 'BOEIEN')),
            PRIMARY KEY (deed_id, bevoegdheid)
        )
        """,
        """
        CREATE TABLE shift (
            id INTEGER PRIMARY KEY,
            dienst_id TEXT NOT NULL,
            boa_id TEXT NOT NULL REFERENCES officer(boa_id),
            aanvang TEXT NOT NULL,
            einde TEXT NOT NULL,
            local_date TEXT NOT NULL,
            start_x REAL,
            start_y REAL,
            inbound_id INTEGER REFERENCES inbound_message(id),
            CHECK (einde > aanvang),
            CHECK ((start_x IS NULL) = (start_y IS NULL))
        )
        """,
        "CREATE INDEX shift_officer ON shift(boa_id, aanvang)",
        "CREATE INDEX shift_date ON shift(local_date)",
        """
        CREATE TABLE roster_period (
            id INTEGER PRIMARY KEY,
            van TEXT NOT NULL,
            tot TEXT NOT NULL,
            inbound_id INTEGER REFERENCES inbound_message(id),
            CHECK (van < tot)
        )
        """,
        """
        CREATE TABLE unavailability (
            id INTEGER PRIMARY KEY,
            boa_id TEXT NOT NULL REFERENCES officer(boa_id),
            van TEXT NOT NULL,
            tot TEXT,
            reden TEXT NOT NULL CHECK (reden IN ('ZIEK', 'VERLOF', 'OPLEIDING', 'OVERIG')),
            inbound_id INTEGER REFERENCES inbound_message(id),
            CHECK (tot IS NULL OR tot > van)
        )
        """,
        "CREATE INDEX unavailability_officer ON unavailability(boa_id, van)",
        // ------------------------------------------------------------------ assignments
        """
        CREATE TABLE assignment (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
            boa_id TEXT NOT NULL REFERENCES officer(boa_id),
            shift_id INTEGER REFERENCES shift(id) ON DELETE SET NULL,
            planned_start TEXT NOT NULL,
            planned_end TEXT NOT NULL,
            travel_minutes INTEGER NOT NULL DEFAULT 0 CHECK (travel_minutes >= 0),
            state TEXT NOT NULL CHECK (state IN ('ACTIVE', 'WITHDRAWN', 'COMPLETED')),
            score TEXT,
            reasons TEXT,
            created_at TEXT NOT NULL,
            ended_at TEXT,
            end_reason TEXT,
            CHECK (planned_end > planned_start),
            CHECK ((state = 'ACTIVE') = (ended_at IS NULL))
        )
        """,
        "CREATE UNIQUE INDEX assignment_active ON assignment(task_id, boa_id) WHERE state = 'ACTIVE'",
        "CREATE INDEX assignment_officer ON assignment(boa_id, state, planned_start)",
        "CREATE INDEX assignment_task ON assignment(task_id, state, boa_id)",
        // An officer is never planned on two things at once, and never on a task above their screening.
        """
        CREATE TRIGGER assignment_no_double_booking BEFORE INSERT ON assignment WHEN NEW.state = 'ACTIVE'
        BEGIN
            SELECT RAISE(ABORT, 'assignment overlaps another active assignment of the same officer')
            WHERE EXISTS (SELECT 1 FROM assignment a WHERE a.boa_id = NEW.boa_id AND a.state = 'ACTIVE'
                          AND a.planned_start < NEW.planned_end AND NEW.planned_start < a.planned_end);
            SELECT RAISE(ABORT, 'officer screening is below the task vertrouwelijkheid')
            WHERE (SELECT CASE o.screening WHEN 'NORMAAL' THEN 0 WHEN 'VERTROUWELIJK' THEN 1 ELSE 2 END FROM officer o WHERE o.boa_id = NEW.boa_id)
                < (SELECT CASE t.vertrouwelijkheid WHEN 'NORMAAL' THEN 0 WHEN 'VERTROUWELIJK' THEN 1 ELSE 2 END FROM task t WHERE t.id = NEW.task_id);
        END
        """,
        """
        CREATE TRIGGER assignment_no_reactivation BEFORE UPDATE OF state ON assignment WHEN OLD.state <> 'ACTIVE'
        BEGIN
            SELECT RAISE(ABORT, 'an ended assignment cannot change state again');
        END
        """,
        // ------------------------------------------------------------------ held messages, reports, signals
        """
        CREATE TABLE held_message (
            inbound_id INTEGER PRIMARY KEY REFERENCES inbound_message(id),
            partner TEXT NOT NULL,
            taak_id TEXT NOT NULL,
            tijdstip_bericht TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            body BLOB NOT NULL
        )
        """,
        "CREATE INDEX held_message_task ON held_message(partner, taak_id)",
        "CREATE INDEX held_message_expiry ON held_message(expires_at)",
        """
        CREATE TABLE field_report (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
            inbound_id INTEGER REFERENCES inbound_message(id),
            boa_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ONDERWEG', 'TER_PLAATSE', 'AFGEROND', 'AFGEBROKEN', 'OVERGEDRAGEN_POLITIE')),
            tijdstip TEXT NOT NULL,
            samenvatting TEXT,
            effect TEXT NOT NULL
        )
        """,
        "CREATE INDEX field_report_task ON field_report(task_id)",
        """
        CREATE TABLE field_result (
            id INTEGER PRIMARY KEY,
            field_report_id INTEGER NOT NULL REFERENCES field_report(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            feitcode TEXT,
            pv_nummer TEXT
        )
        """,
        "CREATE INDEX field_result_report ON field_result(field_report_id)",
        """
        CREATE TABLE signal (
            id INTEGER PRIMARY KEY,
            signaal_id TEXT NOT NULL UNIQUE,
            soort TEXT NOT NULL CHECK (soort IN ('ZORG', 'ONDERMIJNING')),
            task_id INTEGER REFERENCES task(id) ON DELETE CASCADE,
            inbound_id INTEGER REFERENCES inbound_message(id),
            omschrijving TEXT,
            urgentie TEXT NOT NULL CHECK (urgentie IN ('NORMAAL', 'HOOG')),
            vertrouwelijkheid TEXT NOT NULL,
            at TEXT NOT NULL,
            stripped_at TEXT
        )
        """,
        "CREATE INDEX signal_task ON signal(task_id)",
        // ------------------------------------------------------------------ processing log (verwerkingenlog)
        """
        CREATE TABLE processing_log (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actie TEXT NOT NULL,
            object_type TEXT NOT NULL,
            object_id TEXT NOT NULL,
            uitvoerder TEXT NOT NULL,
            vertrouwelijkheid TEXT NOT NULL,
            bewaartermijn TEXT NOT NULL,
            grondslag TEXT,
            partner TEXT,
            detail TEXT,
            prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
            hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
        )
        """,
    ] + processingLogIndexes + [
        """
        CREATE TABLE log_anchor (
            id INTEGER PRIMARY KEY,
            cut_seq INTEGER NOT NULL,
            cut_hash TEXT NOT NULL CHECK (length(cut_hash) = 64),
            at TEXT NOT NULL,
            removed_rows INTEGER NOT NULL CHECK (removed_rows > 0)
        )
        """,
        // Append-only: no update ever; a delete only of rows an anchor has already cut off.
    ] + processingLogTriggers + [
        """
        CREATE TRIGGER log_anchor_forward BEFORE INSERT ON log_anchor
        WHEN NEW.cut_seq <= (SELECT COALESCE(MAX(cut_seq), 0) FROM log_anchor)
        BEGIN
            SELECT RAISE(ABORT, 'a log anchor only ever moves forward');
        END
        """,
        "CREATE TRIGGER log_anchor_no_update BEFORE UPDATE ON log_anchor BEGIN SELECT RAISE(ABORT, 'log_anchor is append-only'); END",
        "CREATE TRIGGER log_anchor_no_delete BEFORE DELETE ON log_anchor BEGIN SELECT RAISE(ABORT, 'log_anchor is append-only'); END",
        // ------------------------------------------------------------------ service state
        "CREATE TABLE service_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        // ------------------------------------------------------------------ audit views (stable interface)
        """
        CREATE VIEW audit_messages AS
        SELECT 'IN' AS direction, m.partner, m.functie, m.berichtcode, m.referentienummer, m.cross_refnummer, m.outcome,
               m.fault_code, m.received_at AS at, m.file_name, m.sha256,
               m.id AS message_id, m.is_test, m.decided_at AS final_at, m.fault_text, t.taak_nummer, m.inbox_folder
          FROM inbound_message m LEFT JOIN task t ON t.id = m.task_id
        UNION ALL
        SELECT 'OUT', o.partner, o.functie, o.berichtcode, o.referentienummer, o.cross_refnummer,
               CASE o.state WHEN 'PUBLISHED' THEN 'PUBLISHED' ELSE 'PENDING' END, o.fault_code, o.created_at, o.file_name, o.sha256,
               o.id, o.is_test, COALESCE(o.first_published_at, o.published_at), NULL, t.taak_nummer, NULL
          FROM outbound_message o LEFT JOIN task t ON t.id = o.task_id
        """,
        """
        CREATE VIEW audit_tasks AS
        SELECT t.taak_nummer, t.partner, t.taak_id, t.categorie, t.prioriteit, t.status, t.received_at,
               t.first_planned_at, t.completed_at,
               COALESCE((SELECT group_concat(boa_id, ',') FROM
                   (SELECT a.boa_id FROM assignment a WHERE a.task_id = t.id AND a.state IN ('ACTIVE', 'COMPLETED')
                    GROUP BY a.boa_id ORDER BY a.boa_id)), '') AS officers,
               t.soort, t.vertrouwelijkheid, t.grondslag, t.bewaartermijn, t.is_test, t.uiterlijk_gereed, t.closed_at,
               t.reden_code, t.reden_toelichting, t.buurtcode, t.stripped_at, t.id AS task_id
          FROM task t
        """,
    ] + [auditLogView] + [
        """
        CREATE VIEW audit_assignments AS
        SELECT t.taak_nummer, a.boa_id, a.state, a.planned_start, a.planned_end, a.travel_minutes, a.created_at, a.ended_at,
               a.end_reason, a.score, a.reasons, t.vertrouwelijkheid, a.id AS assignment_id, t.id AS task_id
          FROM assignment a JOIN task t ON t.id = a.task_id
        """,
        """
        CREATE VIEW audit_task_history AS
        SELECT t.taak_nummer, s.status, s.at, s.reden_code, s.toelichting, m.partner AS bron_partner,
               m.referentienummer AS bron_referentienummer, m.functie AS bron_functie, s.id AS history_id, t.id AS task_id
          FROM task_status s JOIN task t ON t.id = s.task_id LEFT JOIN inbound_message m ON m.id = s.inbound_id
        """,
    ]

    /// The processing log's indexes (v1; rebuilt unchanged by v3). Released migrations run this text: never edit it.
    static let processingLogIndexes: [String] = [
        "CREATE INDEX processing_log_object ON processing_log(object_type, object_id)",
        "CREATE INDEX processing_log_at ON processing_log(at)",
        "CREATE INDEX processing_log_actie ON processing_log(actie, at)",
        "CREATE INDEX processing_log_partner ON processing_log(partner, actie, seq)",
    ]

    /// The processing log's append-only triggers (v1; rebuilt unchanged by v3). Released migrations run this text: never edit it.
    static let processingLogTriggers: [String] = [
        """
        CREATE TRIGGER processing_log_no_update BEFORE UPDATE ON processing_log
        BEGIN
            SELECT RAISE(ABORT, 'processing_log is append-only: rows can be added, never changed');
        END
        """,
        """
        CREATE TRIGGER processing_log_no_delete BEFORE DELETE ON processing_log
        WHEN OLD.seq > (SELECT COALESCE(MAX(cut_seq), 0) FROM log_anchor)
        BEGIN
            SELECT RAISE(ABORT, 'processing_log is append-only: only the retention job removes rows, after recording an anchor');
        END
        """,
    ]

    /// The `audit_log` view (v1; rebuilt unchanged by v3). Released migrations run this text: never edit it.
    static let auditLogView = """
    CREATE VIEW audit_log AS
    SELECT seq, at, actie, object_type, object_id, uitvoerder, vertrouwelijkheid, bewaartermijn, detail, hash,
           grondslag, partner, prev_hash
      FROM processing_log
    """
}
