// The SQLite floor for the rows of one stored message (`boa-bench store`): the same inbound row, task, status
// row, inbound link, Bv03 outbound row and two log rows, by prepared statements through the sqlite3 C API, in a
// given schema, WAL, synchronous=FULL, foreign keys on. It prints messages/s and microseconds per message for
// each statement and the commit. A lab tool for docs/PERFORMANCE.md (storage), not part of the build.
//
//   apt-get install gcc sqlite3 libsqlite3-dev
//   gcc -O2 floor.c -o floor -lsqlite3
//   boa-coord process --home /tmp/h && sqlite3 /tmp/h/boa.sqlite .schema > schema.sql   # the current schema
//   rm -f f.sqlite*; SCHEMA=schema.sql ./floor f.sqlite 1000 ["extra SQL, e.g. PRAGMA foreign_keys=OFF"]
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static void ck(int rc, sqlite3*db, const char*w){ if(rc!=SQLITE_OK && rc!=SQLITE_DONE && rc!=SQLITE_ROW){fprintf(stderr,"%s: %s\n",w,sqlite3_errmsg(db));exit(1);} }
#define T(s,i,v) sqlite3_bind_text(s,i,v,-1,SQLITE_TRANSIENT)
int main(int argc,char**argv){
  int N=20000,B=argc>2?atoi(argv[2]):1000; const char*path=argv[1];
  sqlite3*db; ck(sqlite3_open(path,&db),db,"open");
  char*schema; FILE*f=fopen(getenv("SCHEMA"),"r"); fseek(f,0,SEEK_END); long n=ftell(f); rewind(f); schema=malloc(n+1); fread(schema,1,n,f); schema[n]=0;
  ck(sqlite3_exec(db,schema,0,0,0),db,"schema");
  ck(sqlite3_exec(db,"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY",0,0,0),db,"pragma");
  if(argc>3) ck(sqlite3_exec(db,argv[3],0,0,0),db,"extra");
  sqlite3_stmt *si,*st,*ss,*su,*so,*sl;
  sqlite3_prepare_v2(db,"INSERT INTO inbound_message (file_name, partner, root_element, functie, berichtcode, referentienummer, tijdstip_bericht, sha256, size, outcome, received_at, decided_at, archive_path) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",-1,&si,0);
  sqlite3_prepare_v2(db,"INSERT INTO task (taak_nummer, partner, taak_id, soort, inbound_id, categorie, prioriteit, status, vertrouwelijkheid, grondslag, bewaartermijn, omschrijving, x, y, uiterlijk_gereed, duur_minuten, domein, minimale_bezetting, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",-1,&st,0);
  sqlite3_prepare_v2(db,"INSERT INTO task_status (task_id, status, at, inbound_id) VALUES (?,?,?,?)",-1,&ss,0);
  sqlite3_prepare_v2(db,"UPDATE inbound_message SET task_id = ? WHERE id = ?",-1,&su,0);
  sqlite3_prepare_v2(db,"INSERT INTO outbound_message (partner, functie, berichtcode, referentienummer, cross_refnummer, inbound_id, task_id, file_name, body, sha256, state, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,'PENDING',?)",-1,&so,0);
  ck(sqlite3_prepare_v2(db,"INSERT INTO processing_log (seq, at, actie, object_type, object_id, uitvoerder, vertrouwelijkheid, bewaartermijn, partner, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",-1,&sl,0),db,"p");
  char body[698]; for(int i=0;i<698;i++) body[i]=rand();
  char fh[65]; memset(fh,'a',64); fh[64]=0;
  long seq=0; char b1[64],b2[64],b3[64],at[40],h[65];
  double acc[7]={0}; double s0; double cacc=0; double t0=now();
  for(int c=0;c<N;c+=B){
    ck(sqlite3_exec(db,"BEGIN",0,0,0),db,"begin");
    for(int i=c;i<c+B;i++){
      snprintf(at,40,"2026-12-01T08:%02d:%02d.%03dZ",i/60000%60,i/1000%60,i%1000);
      snprintf(b1,64,"m%d.xml",i); snprintf(b2,64,"GMS-%d",i); snprintf(b3,64,"archive/2026-12-01/m%d.xml",i);
      for(int k=0;k<64;k++) { h[k]="0123456789abcdef"[(rand()>>3)&15]; } h[64]=0;
      T(si,1,b1);T(si,2,"politie-on");T(si,3,"taakVerzoek_Di01");T(si,4,"taakVerzoek");T(si,5,"Di01");T(si,6,b2);T(si,7,"20261201090000000");T(si,8,h);sqlite3_bind_int(si,9,1500);T(si,10,"ACCEPTED");T(si,11,at);T(si,12,at);T(si,13,b3);
      s0=now(); ck(sqlite3_step(si),db,"inb"); acc[0]+=now()-s0; sqlite3_reset(si); long ib=sqlite3_last_insert_rowid(db);
      snprintf(b1,64,"T2026-%06d",i+1); snprintf(b3,64,"ON-%d",i);
      T(st,1,b1);T(st,2,"politie-on");T(st,3,b3);T(st,4,"VERZOEK");sqlite3_bind_int64(st,5,ib);T(st,6,"OVERLAST");sqlite3_bind_int(st,7,2);T(st,8,"ONTVANGEN");T(st,9,"NORMAAL");T(st,10,"AVG_ZORG");T(st,11,"P1Y");T(st,12,"Melding van overlast door een groep jongeren, herhaaldelijk in de avond.");sqlite3_bind_double(st,13,251674.1);sqlite3_bind_double(st,14,475738.0);T(st,15,"2026-12-04T05:16:00.000Z");sqlite3_bind_int(st,16,45);T(st,17,"I");sqlite3_bind_int(st,18,2);T(st,19,at);
      s0=now(); ck(sqlite3_step(st),db,"task"); acc[1]+=now()-s0; sqlite3_reset(st); long tk=sqlite3_last_insert_rowid(db);
      sqlite3_bind_int64(ss,1,tk);T(ss,2,"ONTVANGEN");T(ss,3,at);sqlite3_bind_int64(ss,4,ib); s0=now(); ck(sqlite3_step(ss),db,"st"); acc[2]+=now()-s0; sqlite3_reset(ss);
      sqlite3_bind_int64(su,1,tk);sqlite3_bind_int64(su,2,ib); s0=now(); ck(sqlite3_step(su),db,"up"); acc[3]+=now()-s0; sqlite3_reset(su);
      snprintf(b1,64,"R-%ld",ib); snprintf(b3,64,"f-%ld.xml",ib);
      T(so,1,"politie-on");T(so,2,"bevestiging");T(so,3,"Bv03");T(so,4,b1);T(so,5,b2);sqlite3_bind_int64(so,6,ib);sqlite3_bind_int64(so,7,tk);T(so,8,b3);sqlite3_bind_blob(so,9,body,698,SQLITE_TRANSIENT);T(so,10,fh);T(so,11,at);
      s0=now(); ck(sqlite3_step(so),db,"out"); acc[4]+=now()-s0; sqlite3_reset(so);
      for(int k=0;k<2;k++){ seq++; for(int q=0;q<64;q++) h[q]="0123456789abcdef"[(rand()>>3)&15];
        sqlite3_bind_int64(sl,1,seq);T(sl,2,at);T(sl,3,"ONTVANGEN");T(sl,4,k?"taak":"bericht");T(sl,5,"x");T(sl,6,"bench");T(sl,7,"NORMAAL");T(sl,8,"P1Y");T(sl,9,"politie-on");T(sl,10,"taakVerzoek");T(sl,11,fh);T(sl,12,h);
        s0=now(); ck(sqlite3_step(sl),db,"log"); acc[5]+=now()-s0; sqlite3_reset(sl);}
    }
    s0=now(); ck(sqlite3_exec(db,"COMMIT",0,0,0),db,"commit"); cacc+=now()-s0;
  }
  double t=now()-t0; printf("%-40s batch %d: %.0f msg/s %.1f us/msg\n", argc>3?argv[3]:"baseline", B, N/t, t/N*1e6); const char*nm[]={"inbound","task","status","update","outbound","log x2"}; for(int i=0;i<6;i++) printf("  %-9s %.1f us\n", nm[i], acc[i]/N*1e6); printf("  commit    %.1f us\n", cacc/N*1e6);
}
