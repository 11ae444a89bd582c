"""What leaves the program: the contract JSON of a disclosure (``contract``), table and
frame downloads as CSV/XLSX (``tables``) and the check report as text, JSON, XLSX and
HTML (``reports``). Pure Python; pages hand the bytes to a download button."""
