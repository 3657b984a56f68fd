"""Architecture reviews on real accounts: import an AWS CLI export, anonymise it, ask who can reach what.

    collect   runs the read-only AWS CLI commands and writes the export layout
    export    reads that layout (one JSON file per command)
    importer  turns an export into scenario data; writer prints it as a scenario file
    anonymise rewrites ids, names and emails into placeholders, consistently
    who_can   every principal allowed to do an action on a resource, with the deciding statements
    reach     every role a principal can assume, directly or by chaining, with one shortest chain
No Qt here.
"""
