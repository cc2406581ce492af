"""PDF output: LibreOffice conversion, reproducible bytes, dossiers, text for mention checks."""
