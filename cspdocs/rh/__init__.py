"""Outputs for HR teams: blank workbook, summary (synthese.xlsx/csv), calendar (echeancier.ics),
compact table view and progress display. They read what the engine computed; none computes a rule."""
